import { Body, Controller, Headers, Ip, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditLog } from '@lien-thong/audit';
import {
  Actor,
  CurrentActor,
  DomainException,
  RefusedDuringMaintenance,
  Role,
  Roles,
} from '@lien-thong/platform';
import { ReceiptView } from './dto/receipt-view.dto';
import { SubmitTransferDto } from './dto/submit-transfer.dto';
import { IntakeService } from './intake.service';

const KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** The one-stop counter and the online portal: a dossier received, with its receipt. */
@ApiTags('dossiers (one-stop counter and online)')
@Controller()
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Receives a transfer: 201 with the receipt, appointment and tracking secret; 200 on a
   * retry with the same Idempotency-Key (the secret is not repeated). At the counter, a
   * counter officer of the parcel's province; online, a citizen who is a party.
   */
  @Post('dossiers/transfers')
  @Roles(Role.CounterOfficer, Role.Citizen)
  @RefusedDuringMaintenance()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Gửi lại với cùng khóa sẽ trả về cùng hồ sơ',
    schema: { type: 'string', pattern: KEY.source },
  })
  @ApiCreatedResponse({ type: ReceiptView, description: 'Hồ sơ mới được tiếp nhận' })
  @ApiOkResponse({ type: ReceiptView, description: 'Gửi lại cùng Idempotency-Key' })
  @ApiForbiddenResponse({
    description:
      'AUTH.FORBIDDEN, AUTH.COUNTER_ONLY, AUTH.OTHER_UNIT (thửa đất của tỉnh khác), AUTH.CITIZEN_ONLY, AUTH.NOT_A_PARTY',
  })
  @ApiConflictResponse({
    description:
      'Thửa đất đang có hồ sơ chưa giải quyết xong (DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER, kèm mã hồ sơ đó), hoặc lần gửi trước cùng khóa đang xử lý (IDEMPOTENCY.IN_PROGRESS)',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Không khớp sổ địa chính (DOSSIER.INVALID, lỗi theo từng trường), hoặc khóa đã dùng cho hồ sơ khác (IDEMPOTENCY.KEY_REUSED)',
  })
  async submit(
    @Body() dto: SubmitTransferDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @Ip() ip: string,
  ) {
    if (key !== undefined && !KEY.test(key)) {
      throw new DomainException(
        'IDEMPOTENCY.KEY_INVALID',
        'Idempotency-Key phải gồm 8–100 ký tự chữ, số, "-" hoặc "_"',
        400,
      );
    }
    const { dossier, created, trackingSecret } = await this.intake.submit(dto, actor, key);
    if (created)
      await this.audit.record({
        actor,
        action: 'DOSSIER.RECEIVED',
        dossierCode: dossier._id,
        ip,
        details: { channel: dto.channel },
      });
    res.status(created ? 201 : 200);
    const appointment = dossier.appointmentAt.toLocaleDateString('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    return {
      dossierCode: dossier._id,
      receivedAt: dossier.receivedAt,
      appointmentAt: dossier.appointmentAt,
      workingDays: dossier.workingDaysAllowed,
      trackingSecret: trackingSecret ?? null,
      receiptVi:
        `Hồ sơ ${dossier._id} đã được tiếp nhận. Ngày hẹn trả kết quả: ${appointment}.` +
        (trackingSecret
          ? ` Tra cứu bằng mã hồ sơ và mã tra cứu ${trackingSecret} (giữ kín mã này).`
          : ' Mã tra cứu đã được cấp ở lần nộp đầu tiên.'),
    };
  }
}

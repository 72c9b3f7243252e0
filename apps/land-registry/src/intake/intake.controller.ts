import { applyDecorators, Body, Controller, Headers, Ip, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
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
import {
  HOUSE_REGISTRATION_FORM,
  INHERITANCE_FORM,
  MORTGAGE_FORM,
  MORTGAGE_RELEASE_FORM,
  ProcedureForm,
  PURPOSE_CHANGE_FORM,
  TRANSFER_FORM,
} from '../procedures';
import { SubmitHouseRegistrationDto } from '../procedures/house-registration/house-registration.dto';
import { SubmitInheritanceDto } from '../procedures/inheritance/inheritance.dto';
import { SubmitMortgageReleaseDto } from '../procedures/mortgage-release/mortgage-release.dto';
import { SubmitMortgageDto } from '../procedures/mortgage/mortgage.dto';
import { SubmitPurposeChangeDto } from '../procedures/purpose-change/purpose-change.dto';
import { ReceiptView } from './dto/receipt-view.dto';
import { DossierFormDto, SubmitTransferDto } from './dto/submit-transfer.dto';
import { IntakeService } from './intake.service';

const KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * What every intake route is: 201 with the receipt, appointment and tracking secret; 200 on
 * a retry with the same Idempotency-Key (the secret is not repeated). At the counter, a
 * counter officer of the parcel's province; online, a citizen who is a party.
 */
function ReceivesDossier(path: string, summary: string) {
  return applyDecorators(
    Post(path),
    Roles(Role.CounterOfficer, Role.Citizen),
    RefusedDuringMaintenance(),
    ApiOperation({ summary }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Gửi lại với cùng khóa sẽ trả về cùng hồ sơ',
      schema: { type: 'string', pattern: KEY.source },
    }),
    ApiCreatedResponse({ type: ReceiptView, description: 'Hồ sơ mới được tiếp nhận' }),
    ApiOkResponse({ type: ReceiptView, description: 'Gửi lại cùng Idempotency-Key' }),
    ApiForbiddenResponse({
      description:
        'AUTH.FORBIDDEN, AUTH.COUNTER_ONLY, AUTH.OTHER_UNIT (thửa đất của tỉnh khác), AUTH.CITIZEN_ONLY, AUTH.NOT_A_PARTY',
    }),
    ApiConflictResponse({
      description:
        'Thửa đất đang có hồ sơ chưa giải quyết xong (DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER, kèm mã hồ sơ đó), hoặc lần gửi trước cùng khóa đang xử lý (IDEMPOTENCY.IN_PROGRESS)',
    }),
    ApiUnprocessableEntityResponse({
      description:
        'Không khớp sổ địa chính (DOSSIER.INVALID, lỗi theo từng trường), hoặc khóa đã dùng cho hồ sơ khác (IDEMPOTENCY.KEY_REUSED)',
    }),
  );
}

/** The one-stop counter and the online portal: a dossier of each procedure, with its receipt. */
@ApiTags('dossiers (one-stop counter and online)')
@Controller()
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly audit: AuditLog,
  ) {}

  @ReceivesDossier('dossiers/transfers', 'Chuyển nhượng, tặng cho quyền sử dụng đất')
  submit(
    @Body() dto: SubmitTransferDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @Ip() ip: string,
  ) {
    return this.receive(TRANSFER_FORM, dto, actor, key, res, ip);
  }

  @ReceivesDossier('dossiers/inheritances', 'Đăng ký biến động do nhận thừa kế')
  submitInheritance(
    @Body() dto: SubmitInheritanceDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @Ip() ip: string,
  ) {
    return this.receive(INHERITANCE_FORM, dto, actor, key, res, ip);
  }

  @ReceivesDossier('dossiers/mortgages', 'Đăng ký thế chấp quyền sử dụng đất')
  submitMortgage(
    @Body() dto: SubmitMortgageDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @Ip() ip: string,
  ) {
    return this.receive(MORTGAGE_FORM, dto, actor, key, res, ip);
  }

  @ReceivesDossier('dossiers/mortgage-releases', 'Xóa đăng ký thế chấp')
  submitMortgageRelease(
    @Body() dto: SubmitMortgageReleaseDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @Ip() ip: string,
  ) {
    return this.receive(MORTGAGE_RELEASE_FORM, dto, actor, key, res, ip);
  }

  @ReceivesDossier('dossiers/purpose-changes', 'Đăng ký chuyển mục đích sử dụng đất')
  submitPurposeChange(
    @Body() dto: SubmitPurposeChangeDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @Ip() ip: string,
  ) {
    return this.receive(PURPOSE_CHANGE_FORM, dto, actor, key, res, ip);
  }

  @ReceivesDossier('dossiers/house-registrations', 'Đăng ký quyền sở hữu nhà ở gắn liền với đất')
  submitHouseRegistration(
    @Body() dto: SubmitHouseRegistrationDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
    @Ip() ip: string,
  ) {
    return this.receive(HOUSE_REGISTRATION_FORM, dto, actor, key, res, ip);
  }

  private async receive<D extends DossierFormDto>(
    form: ProcedureForm<D>,
    dto: D,
    actor: Actor,
    key: string | undefined,
    res: Response,
    ip: string,
  ) {
    if (key !== undefined && !KEY.test(key)) {
      throw new DomainException(
        'IDEMPOTENCY.KEY_INVALID',
        'Idempotency-Key phải gồm 8–100 ký tự chữ, số, "-" hoặc "_"',
        400,
      );
    }
    const { dossier, created, trackingSecret } = await this.intake.receive(form, dto, actor, key);
    if (created)
      await this.audit.record({
        actor,
        action: 'DOSSIER.RECEIVED',
        dossierCode: dossier._id,
        ip,
        details: { channel: dto.channel, procedure: form.key },
      });
    res.status(created ? 201 : 200);
    const appointment = dossier.appointmentAt.toLocaleDateString('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    return {
      dossierCode: dossier._id,
      procedure: form.key,
      receivedAt: dossier.receivedAt,
      appointmentAt: dossier.appointmentAt,
      workingDays: dossier.workingDaysAllowed,
      fees: dossier.fees ?? [],
      trackingSecret: trackingSecret ?? null,
      receiptVi:
        `Hồ sơ ${dossier._id} đã được tiếp nhận. Ngày hẹn trả kết quả: ${appointment}.` +
        (trackingSecret
          ? ` Tra cứu bằng mã hồ sơ và mã tra cứu ${trackingSecret} (giữ kín mã này).`
          : ' Mã tra cứu đã được cấp ở lần nộp đầu tiên.'),
    };
  }
}

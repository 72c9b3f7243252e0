import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Ip,
  Param,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { AuditLog } from '@lien-thong/audit';
import {
  Actor,
  CurrentActor,
  DomainException,
  Public,
  RefusedDuringMaintenance,
  Role,
  Roles,
} from '@lien-thong/platform';
import { DossiersService } from './dossiers.service';
import { IntakeService } from './intake.service';
import { citizenView, officerView } from './dossier-views';
import { audienceFor, LAND_OFFICE_ROLES } from './dossier-access';
import { Dossier } from './schemas/dossier.schema';
import { SubmitTransferDto } from './dto/submit-transfer.dto';
import { ReasonDto, SupplementDto, TrackingQueryDto } from './dto/officer-actions.dto';
import { TrackingAttempts } from './tracking-attempts';
import { CodeParam, dossierCode } from './code-param';
import {
  BacklogView,
  CitizenDossierView,
  OfficerDossierView,
  ReceiptView,
} from './dto/dossier-views.dto';

const KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** What an officer action answers: the dossier as officers see it, or why not. */
const OfficerAction = () =>
  applyDecorators(
    CodeParam(),
    ApiOkResponse({ type: OfficerDossierView }),
    ApiConflictResponse({
      description: 'Trạng thái hồ sơ không cho phép thao tác này (DOSSIER.INVALID_STATE)',
    }),
  );

@ApiTags('dossiers (one-stop counter and online)')
@ApiExtraModels(OfficerDossierView, CitizenDossierView)
@Controller()
export class DossiersController {
  constructor(
    private readonly dossiers: DossiersService,
    private readonly intake: IntakeService,
    private readonly attempts: TrackingAttempts,
    private readonly audit: AuditLog,
  ) {}

  private async officer(d: Dossier) {
    return officerView(d, await this.dossiers.notificationsOf(d._id));
  }

  /** Records what an officer did (or read) before answering: the audit log must hold it. */
  private async done(
    d: Dossier,
    actor: Actor,
    action: string,
    ip: string,
    details?: Record<string, unknown>,
  ) {
    await this.audit.record({ actor, action, dossierCode: d._id, ip, details });
    return this.officer(d);
  }

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

  /** The dossier: in full for an officer of its unit, progress only for a citizen party. */
  @Get('dossiers/:code')
  @Roles(...LAND_OFFICE_ROLES, Role.Citizen)
  @CodeParam()
  @ApiOkResponse({
    description: 'Đầy đủ cho cán bộ của đơn vị; tiến độ cho công dân là một bên',
    schema: {
      anyOf: [
        { $ref: getSchemaPath(OfficerDossierView) },
        { $ref: getSchemaPath(CitizenDossierView) },
      ],
    },
  })
  async get(@Param('code') code: string, @CurrentActor() actor: Actor, @Ip() ip: string) {
    const dossier = await this.dossiers.get(dossierCode(code));
    return audienceFor(actor, dossier) === 'officer'
      ? this.done(dossier, actor, 'DOSSIER.READ', ip)
      : citizenView(dossier);
  }

  /** Citizen tracking without login: the code and the secret printed on the receipt. */
  @Get('tracking/:code')
  @Public('citizens track with the code and the secret from their receipt')
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @CodeParam()
  @ApiOkResponse({ type: CitizenDossierView })
  @ApiTooManyRequestsResponse({
    description:
      '30 lần một phút mỗi máy (HTTP.429), hoặc sau nhiều lần sai mã tra cứu (TRACKING.TOO_MANY_ATTEMPTS)',
  })
  async track(@Param('code') code: string, @Query() query: TrackingQueryDto, @Ip() client: string) {
    this.attempts.check(code, client);
    try {
      const dossier = await this.dossiers.track(dossierCode(code), query.secret);
      this.attempts.succeeded(code);
      return citizenView(dossier);
    } catch (err) {
      if (err instanceof DomainException && err.code === 'DOSSIER.NOT_FOUND')
        this.attempts.failed(code, client);
      throw err;
    }
  }

  @Post('dossiers/:code/supplement-requests')
  @Roles(Role.CounterOfficer, Role.LandOfficer)
  @HttpCode(200)
  @OfficerAction()
  async requestSupplement(
    @Param('code') code: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const d = await this.dossiers.requestSupplement(dossierCode(code), body.reasonVi, actor);
    return this.done(d, actor, 'DOSSIER.SUPPLEMENT_REQUESTED', ip, { reasonVi: body.reasonVi });
  }

  @Post('dossiers/:code/supplements')
  @Roles(Role.CounterOfficer)
  @HttpCode(200)
  @OfficerAction()
  async acceptSupplement(
    @Param('code') code: string,
    @Body() corrections: SupplementDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const d = await this.dossiers.acceptSupplement(dossierCode(code), actor, corrections);
    return this.done(d, actor, 'DOSSIER.SUPPLEMENTED', ip, {
      corrected: Object.keys(corrections),
    });
  }

  @Post('dossiers/:code/refusal')
  @Roles(Role.LandOfficer, Role.LandLeader)
  @HttpCode(200)
  @OfficerAction()
  async refuse(
    @Param('code') code: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const d = await this.dossiers.refuse(dossierCode(code), body.reasonVi, actor);
    return this.done(d, actor, 'DOSSIER.REFUSED', ip, { reasonVi: body.reasonVi });
  }

  @Post('dossiers/:code/result-handover')
  @Roles(Role.CounterOfficer)
  @HttpCode(200)
  @OfficerAction()
  async returnResult(@Param('code') code: string, @CurrentActor() actor: Actor, @Ip() ip: string) {
    const d = await this.dossiers.returnResult(dossierCode(code), actor);
    return this.done(d, actor, 'DOSSIER.RESULT_HANDED_OVER', ip);
  }

  /** The backlog of the officer's unit per step, holder and unavailable agency. */
  @Get('backlog')
  @Roles(...LAND_OFFICE_ROLES)
  @ApiOkResponse({ type: BacklogView })
  backlog(@CurrentActor() actor: Actor) {
    return this.dossiers.backlog(actor);
  }
}

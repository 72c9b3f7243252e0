import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainException } from '@lien-thong/platform';
import { DossiersService } from './dossiers.service';
import { citizenView, officerView } from './dossier-views';
import { Dossier } from './schemas/dossier.schema';
import { SubmitTransferDto } from './dto/submit-transfer.dto';
import { OfficerDto, ReasonDto, SupplementDto, TrackingQueryDto } from './dto/officer-actions.dto';

const CODE = /^[A-Z0-9][A-Z0-9.-]{5,40}$/;
const KEY = /^[A-Za-z0-9_-]{8,100}$/;

function dossierCode(code: string): string {
  if (!CODE.test(code)) throw new DomainException('DOSSIER.NOT_FOUND', 'Không tìm thấy hồ sơ', 404);
  return code;
}

@ApiTags('dossiers (one-stop counter and online)')
@Controller()
export class DossiersController {
  constructor(private readonly dossiers: DossiersService) {}

  private async officer(d: Dossier) {
    return officerView(d, await this.dossiers.notificationsOf(d._id));
  }

  /** Receives a transfer of land-use rights: 201 with the receipt and appointment; 200 on a retry with the same Idempotency-Key. */
  @Post('dossiers/transfers')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Gửi lại với cùng khóa sẽ trả về cùng hồ sơ',
  })
  async submit(
    @Body() dto: SubmitTransferDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (key !== undefined && !KEY.test(key)) {
      throw new DomainException(
        'IDEMPOTENCY.KEY_INVALID',
        'Idempotency-Key phải gồm 8–100 ký tự chữ, số, "-" hoặc "_"',
        400,
      );
    }
    const { dossier, created } = await this.dossiers.submit(dto, key);
    res.status(created ? 201 : 200);
    return {
      dossierCode: dossier._id,
      receivedAt: dossier.receivedAt,
      appointmentAt: dossier.appointmentAt,
      workingDays: dossier.workingDaysAllowed,
      receiptVi: `Hồ sơ ${dossier._id} đã được tiếp nhận. Ngày hẹn trả kết quả: ${dossier.appointmentAt.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}. Tra cứu bằng mã hồ sơ và 4 số cuối điện thoại hoặc số định danh.`,
    };
  }

  @Get('dossiers/:code')
  async get(@Param('code') code: string) {
    return this.officer(await this.dossiers.get(dossierCode(code)));
  }

  /** Citizen tracking: the code and the last 4 digits of the phone or citizen ID. */
  @Get('tracking/:code')
  async track(@Param('code') code: string, @Query() query: TrackingQueryDto) {
    return citizenView(await this.dossiers.track(dossierCode(code), query.last4));
  }

  @Post('dossiers/:code/supplement-requests')
  @HttpCode(200)
  async requestSupplement(@Param('code') code: string, @Body() body: ReasonDto) {
    return this.officer(
      await this.dossiers.requestSupplement(dossierCode(code), body.reasonVi, body.officer),
    );
  }

  @Post('dossiers/:code/supplements')
  @HttpCode(200)
  async acceptSupplement(@Param('code') code: string, @Body() body: SupplementDto) {
    const { officer, ...corrections } = body;
    return this.officer(
      await this.dossiers.acceptSupplement(dossierCode(code), officer, corrections),
    );
  }

  @Post('dossiers/:code/refusal')
  @HttpCode(200)
  async refuse(@Param('code') code: string, @Body() body: ReasonDto) {
    return this.officer(await this.dossiers.refuse(dossierCode(code), body.reasonVi, body.officer));
  }

  @Post('dossiers/:code/result-handover')
  @HttpCode(200)
  async returnResult(@Param('code') code: string, @Body() body: OfficerDto) {
    return this.officer(await this.dossiers.returnResult(dossierCode(code), body.officer));
  }

  /** Officers' backlog per step, holder and unavailable agency. */
  @Get('backlog')
  backlog() {
    return this.dossiers.backlog();
  }
}

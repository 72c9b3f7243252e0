import { Controller, Get, Ip, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@lien-thong/platform';
import { AuditLog } from './audit-log';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditPageView, ChainVerificationView } from './dto/audit-views';

/** The audit log of this service, for the auditor only (reading it is itself recorded). */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get('records')
  @Roles(Role.Auditor)
  @ApiOperation({ summary: 'Nhật ký kiểm toán, theo thứ tự, có thể lọc theo hồ sơ' })
  @ApiOkResponse({ type: AuditPageView })
  @ApiBadRequestResponse({ description: 'Tham số truy vấn không hợp lệ (VALIDATION.*)' })
  async records(
    @Query() query: AuditQueryDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ): Promise<AuditPageView> {
    const limit = query.limit ?? 100;
    await this.audit.record({
      actor,
      action: 'AUDIT.RECORDS_READ',
      ip,
      ...(query.dossierCode ? { dossierCode: query.dossierCode } : {}),
      details: { from: query.from ?? 1, limit },
    });
    const records = await this.audit.list({ ...query, limit });
    return {
      records,
      nextFrom: records.length === limit ? records[records.length - 1].seq + 1 : null,
    };
  }

  @Get('verification')
  @Roles(Role.Auditor)
  @ApiOperation({ summary: 'Kiểm tra toàn bộ chuỗi băm: bản ghi đầu tiên bị sửa, thay hoặc thiếu' })
  @ApiOkResponse({ type: ChainVerificationView })
  verification(): Promise<ChainVerificationView> {
    return this.audit.verifyChain();
  }
}

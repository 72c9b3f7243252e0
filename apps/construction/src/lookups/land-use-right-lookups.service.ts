import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { LandUseRightAnswer } from '@lien-thong/agency-contracts';
import { AuditLog } from '@lien-thong/audit';
import { Actor, DomainException, provinceOf } from '@lien-thong/platform';
import { LandRegistryClient } from '../agencies/land-registry.client';
import { LandUseRightLookupDto } from './dto/land-use-right-lookup.dto';
import { LandUseRightLookupsRepository } from './land-use-right-lookups.repository';

const otherProvince = () =>
  new DomainException(
    'AUTH.OTHER_UNIT',
    'Thửa đất không thuộc tỉnh của Sở Xây dựng nơi cán bộ công tác',
    403,
  );

/**
 * A building-permit application needs the applicant's land-use right: instead of asking the
 * citizen for certificate copies (Decree 175/2024 art. 54, Decree 45/2020 art. 14 on not
 * asking for what a state database holds), the department's service asks the land registry
 * with its own account. Each look-up is stored (who, application, parcel, when, as of when)
 * and audited; an officer sees only parcels of their own province.
 */
@Injectable()
export class LandUseRightLookupsService {
  private readonly logger = new Logger('land-use-right look-ups');

  constructor(
    private readonly landRegistry: LandRegistryClient,
    private readonly lookups: LandUseRightLookupsRepository,
    private readonly audit: AuditLog,
  ) {}

  async lookUp(
    request: LandUseRightLookupDto,
    actor: Actor,
    ip: string,
  ): Promise<LandUseRightAnswer> {
    const parcel = { ...request.parcel };
    const audit = (outcome: string) =>
      this.audit.record({
        actor,
        action: 'LAND_USE_RIGHT.LOOKED_UP',
        ip,
        details: {
          applicationNumber: request.applicationNumber,
          parcel: `${parcel.communeCode}/${parcel.mapSheetNumber}/${parcel.parcelNumber}`,
          outcome,
        },
      });
    if (!this.landRegistry.configured) {
      await audit('NOT_CONFIGURED');
      throw unavailable();
    }
    const result = await this.landRegistry.landUseRight(parcel);
    switch (result.kind) {
      case 'unavailable':
        this.logger.warn(`look-up for application ${request.applicationNumber}: ${result.why}`);
        await audit('LAND_REGISTRY_UNAVAILABLE');
        throw unavailable();
      case 'not-found':
        await audit('PARCEL_NOT_FOUND');
        throw new DomainException(
          'PARCEL.NOT_FOUND',
          'Không tìm thấy thửa đất trong sổ địa chính',
          404,
        );
      case 'other-province':
        await audit('OTHER_PROVINCE');
        throw otherProvince();
      case 'found':
        break;
    }
    const answer = result.answer;
    if (!actor.unit || provinceOf(actor.unit) !== answer.provinceCode) {
      await audit('OTHER_PROVINCE');
      throw otherProvince();
    }
    await this.lookups.insert({
      _id: randomUUID(),
      applicationNumber: request.applicationNumber,
      parcel,
      askedBy: { subject: actor.subject, username: actor.username, unit: actor.unit },
      askedAt: new Date(),
      answerAsOf: new Date(answer.asOf),
    });
    await audit('ANSWERED');
    return answer;
  }
}

function unavailable(): DomainException {
  return new DomainException(
    'LAND_REGISTRY.UNAVAILABLE',
    'Hệ thống của Văn phòng đăng ký đất đai tạm thời không trả lời, vui lòng thử lại sau',
    503,
  );
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainException } from '@lien-thong/platform';
import {
  HoldPlacement,
  HoldRecord,
  JUSTICE_ERRORS,
  ParcelCheckRequest,
  ParcelCheckResponse,
  ParcelRef,
  PlaceHoldRequest,
} from '@lien-thong/agency-contracts';
import { JusticeHoldWebhook } from './justice-hold-webhook';
import { JusticeRegistryRepository } from './justice-registry.repository';
import { JusticeSeedEntry, loadJusticeSeed, parcelKey } from './justice-seed';
import { parcelStatus } from './parcel-status';
import { JusticeHold } from './schemas/justice-hold.schema';
import { mustExist } from '../common/must-exist';

function holdRecord(hold: JusticeHold): HoldRecord {
  const { authority, documentNumber, issuedOn, reason } = hold;
  return { authority, documentNumber, issuedOn, reason };
}

/**
 * Mortgages and disputes come from the seed file and never change at run time, so they are
 * read from it; holds change (placed and lifted by the admin API) and live in the database.
 */
@Injectable()
export class JusticeRegistryService implements OnModuleInit {
  private readonly seed = new Map<string, JusticeSeedEntry>(
    loadJusticeSeed().map((entry) => [parcelKey(entry.parcel), entry]),
  );

  constructor(
    private readonly repository: JusticeRegistryRepository,
    private readonly webhook: JusticeHoldWebhook,
  ) {}

  /** Seeded holds are inserted once: one lifted at run time stays lifted after a restart. */
  async onModuleInit(): Promise<void> {
    for (const entry of this.seed.values()) {
      for (const hold of entry.holds ?? []) await this.repository.insertHold(entry.parcel, hold);
    }
  }

  async check(request: ParcelCheckRequest): Promise<ParcelCheckResponse> {
    const seeded = this.seed.get(parcelKey(request.parcel));
    const holds = await this.repository.activeHolds(request.parcel);
    const latestHold = holds.at(-1);
    return {
      parcel: { ...request.parcel },
      certificateSerial: request.certificateSerial,
      status: parcelStatus({ holds, dispute: seeded?.dispute, mortgage: seeded?.mortgage }),
      ...(seeded?.mortgage && { mortgage: { ...seeded.mortgage } }),
      ...(latestHold && { hold: holdRecord(latestHold) }),
      ...(seeded?.dispute && { dispute: { ...seeded.dispute } }),
      checkedAt: new Date().toISOString(),
    };
  }

  /** Idempotent by document number: a repeat answers the first placement and notifies nobody. */
  async placeHold(request: PlaceHoldRequest): Promise<HoldPlacement> {
    const parcel = { ...request.parcel };
    const placedAt = new Date().toISOString();
    if (await this.repository.insertHold(parcel, { ...request.hold, placedAt })) {
      const placement = { parcel, hold: { ...request.hold }, placedAt };
      void this.webhook.notify(placement);
      return placement;
    }
    const existing = mustExist(
      await this.repository.findHold(parcel, request.hold.documentNumber),
      `hold ${request.hold.documentNumber}`,
    );
    if (existing.liftedAt) {
      throw new DomainException(
        JUSTICE_ERRORS.HOLD_ALREADY_LIFTED,
        'Văn bản ngăn chặn này đã được gỡ bỏ; văn bản ngăn chặn mới phải có số khác',
        409,
      );
    }
    return { parcel, hold: holdRecord(existing), placedAt: existing.placedAt };
  }

  async liftHolds(parcel: ParcelRef): Promise<void> {
    if ((await this.repository.liftHolds(parcel)) === 0) {
      throw new DomainException(
        JUSTICE_ERRORS.HOLD_NOT_FOUND,
        'Thửa đất không có thông tin ngăn chặn nào để gỡ bỏ',
        404,
      );
    }
  }
}

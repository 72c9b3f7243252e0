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
import { WriteFence } from './write-fence';

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
  private readonly fence = new WriteFence();

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

  /**
   * A point-in-time answer: asOf is taken before the read, with no placement or lift in
   * flight, so the answer reflects every hold placed or lifted before asOf.
   */
  async check(request: ParcelCheckRequest): Promise<ParcelCheckResponse> {
    const seeded = this.seed.get(parcelKey(request.parcel));
    const asOf = await this.fence.asOf();
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
      asOf: asOf.toISOString(),
    };
  }

  /** Idempotent by document number: a repeat answers the first placement and notifies nobody. */
  async placeHold(request: PlaceHoldRequest): Promise<HoldPlacement> {
    const parcel = { ...request.parcel };
    const placed = await this.fence.write(async () => {
      const placedAt = new Date().toISOString();
      const inserted = await this.repository.insertHold(parcel, { ...request.hold, placedAt });
      return inserted ? placedAt : null;
    });
    if (placed) {
      const placement = { parcel, hold: { ...request.hold }, placedAt: placed };
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

  /** Lifts every hold in force on the parcel and pushes each, as placements are pushed. */
  async liftHolds(parcel: ParcelRef): Promise<void> {
    const { lifted, liftedAt } = await this.fence.write(async () => {
      const at = new Date().toISOString();
      return { lifted: await this.repository.liftHolds(parcel, at), liftedAt: at };
    });
    for (const hold of lifted) {
      const placement = { parcel: { ...parcel }, hold: holdRecord(hold), placedAt: hold.placedAt };
      void this.webhook.notifyLifted({ ...placement, liftedAt });
    }
    if (lifted.length === 0) {
      throw new DomainException(
        JUSTICE_ERRORS.HOLD_NOT_FOUND,
        'Thửa đất không có thông tin ngăn chặn nào để gỡ bỏ',
        404,
      );
    }
  }
}

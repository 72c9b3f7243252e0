import { Inject, Injectable } from '@nestjs/common';
import {
  EncumbranceV1,
  EventEnvelope,
  ParcelCheckRequestedV1,
  Topics,
} from '@lien-thong/contracts';
import { ParcelCheckResponse } from '@lien-thong/agency-contracts';
import { EventFactory } from '@lien-thong/messaging';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import { SecuredTransactionsConfig } from '../config/secured-transactions.config';
import { JusticeRegistryClient } from '../agencies/justice-registry.client';
import { ParcelCheckRepository } from './parcel-check.repository';
import { ParcelCheck } from './schemas/parcel-check.schema';
import { parcelKey } from './parcel-key';
import { MortgagesService } from '../mortgages/mortgages.service';
import { withLandOfficeMortgage } from '../mortgages/land-office-encumbrance';

/** The registry's answer as the event tells it; a registry without asOf is as of its checkedAt. */
function toEncumbrance(answer: ParcelCheckResponse): EncumbranceV1 {
  return {
    status: answer.status,
    ...(answer.mortgage ? { mortgage: answer.mortgage } : {}),
    ...(answer.hold ? { hold: answer.hold } : {}),
    ...(answer.dispute ? { dispute: answer.dispute } : {}),
    asOf: answer.asOf ?? answer.checkedAt,
  };
}

/**
 * The registry's own stored answer as of its registry time (checks stored before asOf was
 * kept: checkedAt; before registryResult was kept, result was the registry's).
 */
function asOfStored(check: ParcelCheck): EncumbranceV1 {
  const registry = check.registryResult ?? check.result;
  return { ...registry, asOf: (check.asOf ?? check.checkedAt).toISOString() };
}

/**
 * Answers the land office's parcel checks from the Justice registry, with the registry's
 * as-of time (result.asOf, its own clock). A check on receipt may reuse a clear answer a few
 * minutes old when the registry told us of no hold placed or lifted since its as-of time; an encumbrance is always asked for afresh (a lifted hold must not refuse
 * anyone); the check just before registration never reuses anything (Land Law 2024 art. 45:
 * a seizure or court measure that arrives mid-process must stop the transfer). The mortgages
 * the land office registered itself are added to every answer, reused or fresh, as they
 * stand when it is given.
 */
@Injectable()
export class ParcelCheckService {
  constructor(
    private readonly checks: ParcelCheckRepository,
    private readonly registry: JusticeRegistryClient,
    private readonly mortgages: MortgagesService,
    private readonly events: EventFactory,
    @Inject(SERVICE_CONFIG) private readonly config: SecuredTransactionsConfig,
  ) {}

  async answer(request: EventEnvelope<ParcelCheckRequestedV1>): Promise<void> {
    const { dossierCode, stage, parcel, certificateSerial } = request.payload;
    const key = parcelKey(parcel);
    const cacheFrom = new Date(Date.now() - this.config.CHECK_CACHE_SECONDS * 1000);
    // The three reads at once (a redelivered request, rare, wastes the last two).
    const [answered, cached, landOfficeMortgages] = await Promise.all([
      this.checks.findById(request.eventId),
      stage === 'RECEIPT' && this.config.CHECK_CACHE_SECONDS > 0
        ? this.checks.reusableClearAnswer(key, cacheFrom)
        : null,
      this.mortgages.inForceOn(key),
    ]);
    if (answered) return;
    const answer = cached
      ? { result: asOfStored(cached), checkedAt: cached.checkedAt, source: 'CACHE' as const }
      : await this.registry.checkParcel({ parcel, certificateSerial }).then((a) => ({
          result: toEncumbrance(a),
          checkedAt: new Date(a.checkedAt),
          source: 'REGISTRY' as const,
        }));
    const result = withLandOfficeMortgage(answer.result, landOfficeMortgages);
    const completed = this.events.create(Topics.ParcelCheckCompleted, dossierCode, {
      dossierCode,
      stage,
      parcel,
      result,
      checkedAt: answer.checkedAt.toISOString(),
      source: answer.source,
    });
    await this.checks.save(
      {
        _id: request.eventId,
        dossierCode,
        stage,
        parcelKey: key,
        parcel,
        result,
        registryResult: answer.result,
        source: answer.source,
        checkedAt: answer.checkedAt,
        ...(answer.result.asOf ? { asOf: new Date(answer.result.asOf) } : {}),
      },
      [completed],
    );
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import { LandRegistryConfig } from '../config/land-registry.config';
import { CadastralRegistrationService } from './cadastral-registration.service';
import {
  AgencyAvailabilityChangedV1,
  ConstructionOpinionGivenV1,
  EventEnvelope,
  HoldPlacedV1,
  NotificationStatusChangedV1,
  ObligationsAssessedV1,
  ObligationsCancelledV1,
  ObligationsPaidV1,
  PaymentRefundedV1,
  ParcelCheckCompletedV1,
  TransferSlipReturnedV1,
} from '@lien-thong/contracts';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { DossierNotFoundException } from '../dossiers/dossiers.exceptions';
import { DossierNotificationsRepository } from '../dossiers/dossier-notifications.repository';
import { unitNameVi } from '../reference-data/units';
import { ParcelsService } from '../reference-data/parcels.service';
import { AgencyOutagesService } from './agency-outages.service';
import { SagaWriter } from './saga-writer';
import { onObligationsCancelled, onPaymentRefunded } from './compensation';
import {
  onHoldPlaced,
  onObligationsAssessed,
  onObligationsPaid,
  onParcelChecked,
  onSlipReturned,
  refuse,
  sendSlip,
} from './transfer-saga';
import { onConstructionOpinion } from '../procedures/house-registration/house-registration.steps';

/** The orchestrator of each transfer: applies what other agencies report to the dossier. */
@Injectable()
export class TransferSagaService {
  private readonly logger = new Logger('transfer');

  constructor(
    private readonly saga: SagaWriter,
    private readonly dossiers: DossiersRepository,
    private readonly notifications: DossierNotificationsRepository,
    private readonly cadastre: CadastralRegistrationService,
    private readonly parcels: ParcelsService,
    private readonly outages: AgencyOutagesService,
    @Inject(SERVICE_CONFIG) private readonly config: LandRegistryConfig,
  ) {}

  async parcelChecked(event: EventEnvelope<ParcelCheckCompletedV1>): Promise<void> {
    const check = event.payload;
    // Two independent writes, at once: the book keeps the registry's latest word on the
    // parcel (for agencies that look it up), and the dossier takes its step. Both may be
    // done again if either fails: the step once per event, the parcel's word as it was.
    const [, after] = await Promise.all([
      this.parcels.noteEncumbrance(check.parcel, {
        ...check.result,
        asOf: check.result.asOf ?? check.checkedAt,
      }),
      this.saga
        .run(
          check.dossierCode,
          (d) =>
            onParcelChecked(
              d,
              check,
              new Date(),
              unitNameVi(d.unit),
              this.config.COUNTER_ADDRESS_VI,
            ),
          event.eventId,
        )
        .catch((err: unknown) => {
          if (err instanceof DossierNotFoundException) return null;
          throw err;
        }),
    ]);
    if (!after) return this.logger.warn(`check for unknown dossier ${check.dossierCode} ignored`);
    // Registered by this answer: the cadastral book follows (the sweep finishes it otherwise).
    if (after.cadastralPending) await this.cadastre.write(after);
  }

  async obligationsAssessed(event: EventEnvelope<ObligationsAssessedV1>): Promise<void> {
    await this.saga.run(
      event.payload.dossierCode,
      (d) => onObligationsAssessed(d, event.payload, new Date()),
      event.eventId,
    );
  }

  async slipReturned(event: EventEnvelope<TransferSlipReturnedV1>): Promise<void> {
    await this.saga.run(
      event.payload.dossierCode,
      (d) => onSlipReturned(d, event.payload, new Date()),
      event.eventId,
    );
  }

  async obligationsPaid(event: EventEnvelope<ObligationsPaidV1>): Promise<void> {
    await this.saga.run(
      event.payload.dossierCode,
      (d) => onObligationsPaid(d, event.payload, new Date(), unitNameVi(d.unit)),
      event.eventId,
    );
  }

  async obligationsCancelled(event: EventEnvelope<ObligationsCancelledV1>): Promise<void> {
    await this.saga.run(
      event.payload.dossierCode,
      (d) => onObligationsCancelled(d, event.payload),
      event.eventId,
    );
  }

  async paymentRefunded(event: EventEnvelope<PaymentRefundedV1>): Promise<void> {
    await this.saga.run(
      event.payload.dossierCode,
      (d) => onPaymentRefunded(d, event.payload),
      event.eventId,
    );
  }

  async constructionOpinion(event: EventEnvelope<ConstructionOpinionGivenV1>): Promise<void> {
    await this.saga.run(
      event.payload.dossierCode,
      (d) => onConstructionOpinion(d, event.payload, new Date(), sendSlip, refuse),
      event.eventId,
    );
  }

  async holdPlaced(event: EventEnvelope<HoldPlacedV1>): Promise<void> {
    const { communeCode, mapSheetNumber, parcelNumber } = event.payload.parcel;
    for (const dossier of await this.dossiers.activeOnParcel(
      communeCode,
      mapSheetNumber,
      parcelNumber,
    )) {
      await this.saga.run(
        dossier._id,
        (d) => onHoldPlaced(d, event.payload, new Date()),
        event.eventId,
      );
    }
  }

  /**
   * A message the citizen was not reached by, recorded so that the officer's view lists it
   * even while the notification service cannot be asked (the view reads the messages from it).
   * Only refusals are announced now; a SENT status (from an older notification service) is
   * already in that service's list.
   */
  async notificationChanged(event: EventEnvelope<NotificationStatusChangedV1>): Promise<void> {
    const n = event.payload;
    if (n.status !== 'FAILED') return;
    const notification = {
      at: new Date(event.occurredAt),
      template: n.template,
      channel: n.channel,
      recipient: n.recipient,
      status: n.status,
      ...(n.error ? { error: n.error } : {}),
    };
    await this.notifications.record(event.eventId, n.dossierCode, notification);
  }

  /** A breaker opened or closed: the dossiers that need that agency say so (AgencyOutagesService). */
  agencyAvailability(event: EventEnvelope<AgencyAvailabilityChangedV1>): Promise<void> {
    const { agency, state } = event.payload;
    return this.outages.changed(agency, state, new Date(event.occurredAt), event.eventId);
  }
}

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
import { DossierNotificationsRepository } from '../dossiers/dossier-notifications.repository';
import { DossierStatus } from '../dossiers/dossier';
import { unitNameVi } from '../reference-data/units';
import { ParcelsService } from '../reference-data/parcels.service';
import { agencyBack, agencyDown } from './agency-availability';
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

/** Which steps wait on which external agency (for "waiting for …" in the timeline). */
const STEPS_NEEDING: Partial<Record<string, readonly DossierStatus[]>> = {
  'justice-registry': ['CHECKING_PARCEL', 'RECHECKING_HOLDS'],
  'e-tax': ['WAITING_FOR_TAX'],
  'payment-gateway': ['WAITING_FOR_TAX'],
  construction: ['WAITING_FOR_CONSTRUCTION'],
};

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
    @Inject(SERVICE_CONFIG) private readonly config: LandRegistryConfig,
  ) {}

  async parcelChecked(event: EventEnvelope<ParcelCheckCompletedV1>): Promise<void> {
    const check = event.payload;
    // The book keeps the registry's latest word on the parcel, for agencies that look it up.
    await this.parcels.noteEncumbrance(check.parcel, {
      ...check.result,
      asOf: check.result.asOf ?? check.checkedAt,
    });
    const dossier = await this.dossiers.find(check.dossierCode);
    if (!dossier) return this.logger.warn(`check for unknown dossier ${check.dossierCode} ignored`);
    await this.saga.run(
      check.dossierCode,
      (d) =>
        onParcelChecked(d, check, new Date(), unitNameVi(d.unit), this.config.COUNTER_ADDRESS_VI),
      event.eventId,
    );
    // Registered by this answer: the cadastral book follows (the sweep finishes it otherwise).
    const now = await this.dossiers.find(check.dossierCode);
    if (now?.cadastralPending) await this.cadastre.write(now);
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
      (d) => onObligationsPaid(d, event.payload, new Date()),
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

  /** Delivery of a message to the citizen, shown in the dossier's timeline. */
  async notificationChanged(event: EventEnvelope<NotificationStatusChangedV1>): Promise<void> {
    const n = event.payload;
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

  /**
   * While an agency's system is down, the dossiers that need it say so, in their state and
   * in their timeline (which agency, since when); once it is back they say so again. Only
   * the dossiers concerned are read (the chaos run found every breaker change re-reading
   * every running dossier, HALF_OPEN included, which slowed the recovery it announces).
   */
  async agencyAvailability(event: EventEnvelope<AgencyAvailabilityChangedV1>): Promise<void> {
    const { agency, state } = event.payload;
    const steps = STEPS_NEEDING[agency];
    if (!steps || state === 'HALF_OPEN') return;
    const at = new Date(event.occurredAt);
    const concerned =
      state === 'OPEN'
        ? await this.dossiers.notWaitingIn(steps)
        : await this.dossiers.waitingFor(agency);
    for (const { _id } of concerned) {
      await this.saga.run(
        _id,
        (d) =>
          state === 'OPEN'
            ? steps.includes(d.status) && !d.waitingFor
              ? agencyDown(agency, at)
              : null
            : d.waitingFor?.agency === agency
              ? agencyBack(agency, at)
              : null,
        event.eventId,
      );
    }
  }
}

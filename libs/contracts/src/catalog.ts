import {
  DossierDelayedV1,
  DossierReceivedV1,
  DossierRefusedV1,
  DossierRegisteredV1,
  DossierWithdrawnV1,
  ParcelCheckRequestedV1,
  SupplementRequestedV1,
  TransferSlipSentV1,
} from './events/land-registry.events';
import { HoldPlacedV1, ParcelCheckCompletedV1 } from './events/secured-transactions.events';
import {
  ObligationsAssessedV1,
  ObligationsCancelledV1,
  ObligationsPaidV1,
  PaymentRefundedV1,
  TransferSlipReturnedV1,
} from './events/tax-obligation.events';
import {
  ConstructionOpinionRequestedV1,
  HouseSlipSentV1,
  MortgageRegisteredV1,
  MortgageReleasedV1,
  PurposeChangeSlipSentV1,
} from './events/land-procedures.events';
import { ConstructionOpinionGivenV1 } from './events/construction.events';
import { NotificationStatusChangedV1 } from './events/notification.events';
import { AgencyAvailabilityChangedV1 } from './events/operations.events';

/** One event type on one topic: who says it, what it means, and the class of its payload. */
export interface EventDefinition<P extends object = object> {
  type: string;
  version: number;
  producer:
    | 'land-registry'
    | 'secured-transactions'
    | 'tax-obligation'
    | 'notification'
    | 'construction'
    | 'any';
  summary: string;
  payload: new () => P;
}

function define<P extends object>(definition: EventDefinition<P>): EventDefinition<P> {
  return definition;
}

/**
 * Every topic and what travels on it. NEVER rename a topic: consumers and stored offsets
 * depend on the name. A breaking change to a payload is a new topic with the next version
 * suffix (…v2) beside the old one, both listed here while consumers migrate.
 */
export const EVENT_CATALOG = {
  'land.dossier-received.v1': define({
    type: 'DossierReceived',
    version: 1,
    producer: 'land-registry',
    summary:
      'A dossier was received at the one-stop counter or online; receipt and appointment issued.',
    payload: DossierReceivedV1,
  }),
  'land.parcel-check-requested.v1': define({
    type: 'ParcelCheckRequested',
    version: 1,
    producer: 'land-registry',
    summary:
      'Check the parcel for mortgages, holds and disputes (on receipt and before registration).',
    payload: ParcelCheckRequestedV1,
  }),
  'land.transfer-slip-sent.v1': define({
    type: 'TransferSlipSent',
    version: 1,
    producer: 'land-registry',
    summary: 'Transfer slip (form 19) sent to the tax authority to determine obligations.',
    payload: TransferSlipSentV1,
  }),
  'land.supplement-requested.v1': define({
    type: 'SupplementRequested',
    version: 1,
    producer: 'land-registry',
    summary: 'The citizen must supplement the dossier; the processing clock pauses.',
    payload: SupplementRequestedV1,
  }),
  'land.dossier-refused.v1': define({
    type: 'DossierRefused',
    version: 1,
    producer: 'land-registry',
    summary: 'The dossier was refused, with the reason.',
    payload: DossierRefusedV1,
  }),
  'land.dossier-registered.v1': define({
    type: 'DossierRegistered',
    version: 1,
    producer: 'land-registry',
    summary: 'The change was registered; the result is ready at the counter or sent by post.',
    payload: DossierRegisteredV1,
  }),
  'land.dossier-withdrawn.v1': define({
    type: 'DossierWithdrawn',
    version: 1,
    producer: 'land-registry',
    summary: 'The dossier was withdrawn before registration; what tax filed or charged is undone.',
    payload: DossierWithdrawnV1,
  }),
  'land.dossier-delayed.v1': define({
    type: 'DossierDelayed',
    version: 1,
    producer: 'land-registry',
    summary: 'The dossier will be late: apology letter with a new appointment date.',
    payload: DossierDelayedV1,
  }),
  'land.purpose-change-slip-sent.v1': define({
    type: 'PurposeChangeSlipSent',
    version: 1,
    producer: 'land-registry',
    summary:
      'Slip for a change of land-use purpose sent to the tax authority to assess the land-use levy.',
    payload: PurposeChangeSlipSentV1,
  }),
  'land.house-slip-sent.v1': define({
    type: 'HouseSlipSent',
    version: 1,
    producer: 'land-registry',
    summary:
      'Slip for registering a house on land sent to the tax authority (registration fee on the house).',
    payload: HouseSlipSentV1,
  }),
  'land.construction-opinion-requested.v1': define({
    type: 'ConstructionOpinionRequested',
    version: 1,
    producer: 'land-registry',
    summary:
      'The land office asks the construction authority to confirm a house or work attached to land.',
    payload: ConstructionOpinionRequestedV1,
  }),
  'land.mortgage-registered.v1': define({
    type: 'MortgageRegistered',
    version: 1,
    producer: 'land-registry',
    summary: 'A mortgage of a land-use right was registered; parcel checks now show it.',
    payload: MortgageRegisteredV1,
  }),
  'land.mortgage-released.v1': define({
    type: 'MortgageReleased',
    version: 1,
    producer: 'land-registry',
    summary: 'A mortgage was deregistered; parcel checks no longer show it.',
    payload: MortgageReleasedV1,
  }),
  'construction.opinion-given.v1': define({
    type: 'ConstructionOpinionGiven',
    version: 1,
    producer: 'construction',
    summary: 'The construction authority confirmed a work, or did not (with its reasons).',
    payload: ConstructionOpinionGivenV1,
  }),
  'justice.parcel-check-completed.v1': define({
    type: 'ParcelCheckCompleted',
    version: 1,
    producer: 'secured-transactions',
    summary: 'The registry answered a parcel check: clear, mortgaged, blocked or disputed.',
    payload: ParcelCheckCompletedV1,
  }),
  'justice.hold-placed.v1': define({
    type: 'HoldPlaced',
    version: 1,
    producer: 'secured-transactions',
    summary: 'A hold was placed on a parcel; dossiers on it must stop before registration.',
    payload: HoldPlacedV1,
  }),
  'tax.obligations-assessed.v1': define({
    type: 'ObligationsAssessed',
    version: 1,
    producer: 'tax-obligation',
    summary: 'Obligations determined and filed with the tax authority; payment notices issued.',
    payload: ObligationsAssessedV1,
  }),
  'tax.transfer-slip-returned.v1': define({
    type: 'TransferSlipReturned',
    version: 1,
    producer: 'tax-obligation',
    summary: 'The slip was incomplete and is returned to the land office for correction.',
    payload: TransferSlipReturnedV1,
  }),
  'tax.obligations-paid.v1': define({
    type: 'ObligationsPaid',
    version: 1,
    producer: 'tax-obligation',
    summary: 'Every obligation of the dossier has been paid.',
    payload: ObligationsPaidV1,
  }),
  'tax.obligations-cancelled.v1': define({
    type: 'ObligationsCancelled',
    version: 1,
    producer: 'tax-obligation',
    summary:
      'Notices voided with the tax authority and the unpaid order cancelled (dossier refused or withdrawn, or a newer slip revision).',
    payload: ObligationsCancelledV1,
  }),
  'tax.payment-refunded.v1': define({
    type: 'PaymentRefunded',
    version: 1,
    producer: 'tax-obligation',
    summary: 'A payment for cancelled obligations was refunded through the payment gateway.',
    payload: PaymentRefundedV1,
  }),
  'notification.status-changed.v1': define({
    type: 'NotificationStatusChanged',
    version: 1,
    producer: 'notification',
    summary: 'A message to a citizen was sent or failed.',
    payload: NotificationStatusChangedV1,
  }),
  'ops.agency-availability-changed.v1': define({
    type: 'AgencyAvailabilityChanged',
    version: 1,
    producer: 'any',
    summary: "A service's circuit breaker for an external agency opened, half-opened or closed.",
    payload: AgencyAvailabilityChangedV1,
  }),
} as const;

export type TopicName = keyof typeof EVENT_CATALOG;

/** The payload type of a topic: producing the wrong shape on a topic does not compile. */
export type PayloadOf<T extends TopicName> = InstanceType<(typeof EVENT_CATALOG)[T]['payload']>;

/** Topic names as constants, so that no service writes a topic as a string literal. */
export const Topics = {
  DossierReceived: 'land.dossier-received.v1',
  ParcelCheckRequested: 'land.parcel-check-requested.v1',
  TransferSlipSent: 'land.transfer-slip-sent.v1',
  SupplementRequested: 'land.supplement-requested.v1',
  DossierRefused: 'land.dossier-refused.v1',
  DossierRegistered: 'land.dossier-registered.v1',
  DossierWithdrawn: 'land.dossier-withdrawn.v1',
  DossierDelayed: 'land.dossier-delayed.v1',
  PurposeChangeSlipSent: 'land.purpose-change-slip-sent.v1',
  HouseSlipSent: 'land.house-slip-sent.v1',
  ConstructionOpinionRequested: 'land.construction-opinion-requested.v1',
  MortgageRegistered: 'land.mortgage-registered.v1',
  MortgageReleased: 'land.mortgage-released.v1',
  ConstructionOpinionGiven: 'construction.opinion-given.v1',
  ParcelCheckCompleted: 'justice.parcel-check-completed.v1',
  HoldPlaced: 'justice.hold-placed.v1',
  ObligationsAssessed: 'tax.obligations-assessed.v1',
  TransferSlipReturned: 'tax.transfer-slip-returned.v1',
  ObligationsPaid: 'tax.obligations-paid.v1',
  ObligationsCancelled: 'tax.obligations-cancelled.v1',
  PaymentRefunded: 'tax.payment-refunded.v1',
  NotificationStatusChanged: 'notification.status-changed.v1',
  AgencyAvailabilityChanged: 'ops.agency-availability-changed.v1',
} as const satisfies Record<string, TopicName>;

export function isKnownTopic(topic: string): topic is TopicName {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOG, topic);
}

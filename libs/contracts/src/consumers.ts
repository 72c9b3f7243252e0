import { TopicName, Topics } from './catalog';

/** The services on the bus; each has its own Kafka user, named like the service. */
export const BUS_SERVICES = [
  'land-registry',
  'secured-transactions',
  'tax-obligation',
  'notification',
  'construction',
] as const;
export type BusService = (typeof BUS_SERVICES)[number];

/**
 * What each service consumes: the topics of its `@EventPattern` handlers (the catalog names
 * the producer of each topic, not its consumers). The broker's ACLs, the chaos run's lag and
 * poison all read it; libs/messaging's kafka-acls.spec.ts reads the handlers of every app and
 * fails when this list and the code disagree.
 */
export const CONSUMED_TOPICS: Record<BusService, readonly TopicName[]> = {
  'land-registry': [
    Topics.ParcelCheckCompleted,
    Topics.ObligationsAssessed,
    Topics.TransferSlipReturned,
    Topics.ObligationsPaid,
    Topics.HoldPlaced,
    Topics.ObligationsCancelled,
    Topics.PaymentRefunded,
    Topics.NotificationStatusChanged,
    Topics.AgencyAvailabilityChanged,
    Topics.ConstructionOpinionGiven,
  ],
  'secured-transactions': [
    Topics.ParcelCheckRequested,
    Topics.MortgageRegistered,
    Topics.MortgageReleased,
  ],
  'tax-obligation': [
    Topics.TransferSlipSent,
    Topics.PurposeChangeSlipSent,
    Topics.HouseSlipSent,
    Topics.DossierRefused,
    Topics.DossierWithdrawn,
  ],
  notification: [
    Topics.DossierReceived,
    Topics.SupplementRequested,
    Topics.ObligationsAssessed,
    Topics.ObligationsPaid,
    Topics.DossierRegistered,
    Topics.DossierRefused,
    Topics.DossierWithdrawn,
    Topics.DossierDelayed,
    Topics.ObligationsCancelled,
    Topics.PaymentRefunded,
  ],
  construction: [
    Topics.ConstructionOpinionRequested,
    Topics.DossierRefused,
    Topics.DossierWithdrawn,
  ],
};

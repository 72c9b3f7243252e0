import { EVENT_CATALOG, TopicName, Topics } from '@lien-thong/contracts';
import { AccessRule } from '../broker/broker-client';
import { Topology } from './topology';

/** The services on the bus; each has its own Kafka user, named like the service. */
export const BUS_SERVICES = [
  'land-registry',
  'secured-transactions',
  'tax-obligation',
  'notification',
] as const;
export type BusService = (typeof BUS_SERVICES)[number];

/**
 * What each service consumes: the topics of its `@EventPattern` handlers (the catalog names
 * the producer of each topic, not its consumers). kafka-acls.spec.ts reads the handlers of
 * every app and fails when this list and the code disagree, so a new handler without its
 * read permission is caught before the broker refuses it.
 */
export const CONSUMED_TOPICS: Record<BusService, readonly TopicName[]> = {
  'land-registry': [
    Topics.ParcelCheckCompleted,
    Topics.ObligationsAssessed,
    Topics.TransferSlipReturned,
    Topics.ObligationsPaid,
    Topics.HoldPlaced,
    Topics.NotificationStatusChanged,
    Topics.AgencyAvailabilityChanged,
  ],
  'secured-transactions': [Topics.ParcelCheckRequested],
  'tax-obligation': [Topics.TransferSlipSent],
  notification: [
    Topics.DossierReceived,
    Topics.SupplementRequested,
    Topics.ObligationsAssessed,
    Topics.ObligationsPaid,
    Topics.DossierRegistered,
    Topics.DossierRefused,
    Topics.DossierDelayed,
  ],
};

export function isBusService(name: string): name is BusService {
  return (BUS_SERVICES as readonly string[]).includes(name);
}

/** The topics a service may write: those the catalog names it the producer of, and 'any'. */
export function producedTopics(service: BusService): TopicName[] {
  return (Object.keys(EVENT_CATALOG) as TopicName[]).filter((topic) => {
    const { producer } = EVENT_CATALOG[topic];
    return producer === service || producer === 'any';
  });
}

/** The Kafka principal of a service (its SCRAM user is the service's name). */
export function kafkaPrincipal(service: string): string {
  return `User:${service}`;
}

/**
 * The broker ACLs of one service, derived from the event catalog and the topology, for the
 * physical names under `namespace` (none in production). Everything not listed is refused
 * (the broker runs with allow.everyone.if.no.acl.found=false):
 * - the topics it produces (its outbox relay): write, describe, create (the first event
 *   may reach the broker before any consumer created the topic);
 * - the topics it consumes: read, describe, create (the consumer creates what it
 *   subscribes to at start-up, so that it can join before the first event exists);
 * - everything under its consumer group's name, as a prefix: its retry topics (written by
 *   the retry re-publisher, read back by its consumer), its dead-letter topic, and where a
 *   dead letter is replayed (its first retry topic: only this service sees it again, and
 *   it never writes a topic it merely consumes);
 * - its consumer group: read (join, commit offsets).
 * A service that is not on the bus (agency-simulators, a test fixture) gets nothing.
 */
export function kafkaAclsFor(service: string, namespace?: string): AccessRule[] {
  if (!isBusService(service)) return [];
  const topology = new Topology(service, namespace, []);
  const principal = kafkaPrincipal(service);
  const rules: AccessRule[] = [];
  const allow = (
    resource: AccessRule['resource'],
    pattern: AccessRule['pattern'],
    name: string,
    operations: AccessRule['operation'][],
  ) => {
    for (const operation of operations) {
      rules.push({ principal, resource, pattern, name, operation });
    }
  };
  for (const topic of producedTopics(service)) {
    allow('topic', 'literal', topology.topic(topic), ['write', 'describe', 'create']);
  }
  for (const topic of CONSUMED_TOPICS[service]) {
    allow('topic', 'literal', topology.topic(topic), ['read', 'describe', 'create']);
  }
  allow('topic', 'prefixed', `${topology.groupId}.`, ['read', 'write', 'describe', 'create']);
  allow('group', 'literal', topology.groupId, ['read', 'describe']);
  return rules;
}

/** The ACLs of every service on the bus (what the local broker is provisioned with). */
export function kafkaAcls(namespace?: string): AccessRule[] {
  return BUS_SERVICES.flatMap((service) => kafkaAclsFor(service, namespace));
}

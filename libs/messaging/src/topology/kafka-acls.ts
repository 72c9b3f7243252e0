import {
  BUS_SERVICES,
  BusService,
  CONSUMED_TOPICS,
  EVENT_CATALOG,
  TopicName,
} from '@lien-thong/contracts';
import { AccessRule } from '../broker/broker-client';
import { Topology } from './topology';

export { BUS_SERVICES, CONSUMED_TOPICS } from '@lien-thong/contracts';
export type { BusService } from '@lien-thong/contracts';

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

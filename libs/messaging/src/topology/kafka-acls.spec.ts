import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CATALOG, Topics } from '@lien-thong/contracts';
import { BUS_SERVICES, BusService, CONSUMED_TOPICS, kafkaAcls, kafkaAclsFor } from './kafka-acls';

const repoRoot = join(__dirname, '../../../..');

/** The topics of the `@EventPattern(Topics.X)` handlers in an app's sources. */
function handledTopics(service: BusService): string[] {
  const dir = join(repoRoot, 'apps', service, 'src');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('spec.ts'),
  );
  const topics = new Set<string>();
  for (const file of files) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const [, name] of source.matchAll(/@EventPattern\(\s*Topics\.(\w+)/g)) {
      topics.add(Topics[name as keyof typeof Topics]);
    }
  }
  return [...topics].sort();
}

const allowed = (service: string, namespace: string | undefined, topic: string, op: string) =>
  kafkaAclsFor(service, namespace).some(
    (r) =>
      r.resource === 'topic' &&
      r.operation === op &&
      (r.pattern === 'literal' ? r.name === topic : topic.startsWith(r.name)),
  );

describe('Kafka ACLs derived from the event catalog', () => {
  it.each(BUS_SERVICES)('%s consumes exactly what its @EventPattern handlers name', (service) => {
    expect([...CONSUMED_TOPICS[service]].sort()).toEqual(handledTopics(service));
  });

  it('lets only the producer named by the catalog write a topic', () => {
    for (const [topic, { producer }] of Object.entries(EVENT_CATALOG)) {
      for (const service of BUS_SERVICES) {
        expect([topic, service, allowed(service, undefined, topic, 'write')]).toEqual([
          topic,
          service,
          producer === service || producer === 'any',
        ]);
      }
    }
  });

  it('does not let the land registry write tax.obligations-paid, in any namespace', () => {
    expect(allowed('land-registry', undefined, 'tax.obligations-paid.v1', 'write')).toBe(false);
    expect(allowed('land-registry', 't-1', 't-1.tax.obligations-paid.v1', 'write')).toBe(false);
    expect(allowed('land-registry', 't-1', 't-1.tax.obligations-paid.v1', 'read')).toBe(true);
    expect(allowed('tax-obligation', 't-1', 't-1.tax.obligations-paid.v1', 'write')).toBe(true);
  });

  it('gives each service its own retry and dead-letter topics and consumer group', () => {
    const rules = kafkaAclsFor('notification', 'ns');
    expect(allowed('notification', 'ns', 'ns.lien-thong.notification.retry-2', 'write')).toBe(true);
    expect(allowed('notification', 'ns', 'ns.lien-thong.notification.dlq', 'write')).toBe(true);
    expect(allowed('tax-obligation', 'ns', 'ns.lien-thong.notification.retry-1', 'read')).toBe(
      false,
    );
    expect(rules).toContainEqual({
      principal: 'User:notification',
      resource: 'group',
      pattern: 'literal',
      name: 'ns.lien-thong.notification',
      operation: 'read',
    });
    // Every rule names something under the namespace: nothing leaks to another run.
    expect(rules.every((r) => r.name.startsWith('ns.'))).toBe(true);
  });

  it('under a namespace, prefixes every name as the topology does (what the test harness relies on)', () => {
    for (const service of BUS_SERVICES) {
      expect(kafkaAclsFor(service, 't-42')).toEqual(
        kafkaAclsFor(service).map((r) => ({ ...r, name: `t-42.${r.name}` })),
      );
    }
  });

  it('gives nothing to a process that is not on the bus', () => {
    expect(kafkaAclsFor('agency-simulators')).toEqual([]);
    expect(new Set(kafkaAcls().map((r) => r.principal))).toEqual(
      new Set(BUS_SERVICES.map((s) => `User:${s}`)),
    );
  });
});

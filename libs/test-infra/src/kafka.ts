import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Admin,
  Kafka,
  logLevel,
  ResourcePatternTypes,
} from 'kafkajs';
import { testInfra } from './infra';

/**
 * A kafkajs client for test code that talks to the broker itself (probes, fixtures, bus
 * audits), authenticated as the broker's super user where the broker authenticates: no
 * service's ACLs get in the way of observing or staging what a test needs.
 */
export function testKafka(clientId: string): Kafka {
  const { kafkaBrokers, kafkaSuperuser } = testInfra();
  return new Kafka({
    brokers: kafkaBrokers.split(','),
    clientId,
    logLevel: logLevel.NOTHING,
    ...(kafkaSuperuser ? { sasl: { ...kafkaSuperuser } } : {}),
  });
}

/** The super user as service environment: for a test fixture that is not a bus service. */
export function kafkaSuperuserEnv(): Record<string, string> {
  const { kafkaSuperuser } = testInfra();
  return kafkaSuperuser
    ? {
        KAFKA_SASL_USERNAME: kafkaSuperuser.username,
        KAFKA_SASL_PASSWORD: kafkaSuperuser.password,
        KAFKA_SASL_MECHANISM: kafkaSuperuser.mechanism,
      }
    : {};
}

/**
 * Grants a bus service its ACLs under a test's topic namespace (as the super user), before
 * the service starts. The local broker refuses whatever no ACL allows; provisioning granted
 * each service its rules for the un-namespaced names only (npm start), and a test's
 * namespace is new, so the harness grants the same rules with the namespace's prefix
 * (literal names, not a wildcard: the land registry still cannot write the namespace's
 * tax.obligations-paid). Nothing to do without a super user (a broker from KAFKA_BROKERS).
 */
export async function grantKafkaAcls(
  service: string,
  namespace: string | undefined,
): Promise<void> {
  const { kafkaSuperuser, kafkaAclsFor } = testInfra();
  const rules = kafkaAclsFor(service, namespace);
  if (!kafkaSuperuser || rules.length === 0) return;
  const admin = testKafka('acl-grants').admin();
  await admin.connect();
  const acl = rules.map((rule) => ({
    principal: rule.principal,
    host: '*',
    resourceType: rule.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
    resourceName: rule.name,
    resourcePatternType:
      rule.pattern === 'literal' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
    operation: {
      read: AclOperationTypes.READ,
      write: AclOperationTypes.WRITE,
      create: AclOperationTypes.CREATE,
      describe: AclOperationTypes.DESCRIBE,
    }[rule.operation],
    permissionType: AclPermissionTypes.ALLOW,
  }));
  try {
    await admin.createAcls({ acl });
    // The controller commits the ACLs before the broker's authorizer applies them: a service
    // started at once was refused its own topics now and then (seen in npm test). Wait until
    // the broker lists every rule for this principal.
    const principal = acl[0].principal;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const described = await admin.describeAcls({
        resourceType: AclResourceTypes.ANY,
        resourcePatternType: ResourcePatternTypes.ANY,
        principal,
        host: '*',
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      });
      const visible = new Set(
        described.resources.flatMap((r) =>
          r.acls.map((a) => `${r.resourceType}:${r.resourceName}:${a.operation}`),
        ),
      );
      const all = acl.every((a) =>
        visible.has(`${a.resourceType}:${a.resourceName}:${a.operation}`),
      );
      if (all || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Whether a consumer group has taken everything published on a topic so far (committed up
 * to its high watermark on every partition): each event handled, dropped as a repeat or moved
 * to a retry topic. For handlers that leave no inbox record to look for (APPLIED_ONCE).
 */
export async function groupConsumed(
  admin: Admin,
  groupId: string,
  topic: string,
): Promise<boolean> {
  const [high, [group]] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ]);
  // -1 where nothing was ever committed (nor published).
  const done = new Map(group.partitions.map((p) => [p.partition, Number(p.offset)]));
  return high.every((p) => Math.max(0, done.get(p.partition) ?? -1) >= Number(p.high));
}

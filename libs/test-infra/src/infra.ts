import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** SASL/SCRAM credentials in the shape kafkajs's `sasl` option takes. */
export interface KafkaSasl {
  mechanism: 'scram-sha-512';
  username: string;
  password: string;
}

/** A broker ACL as libs/messaging's kafka-acls.ts derives it (the AccessRule there). */
export interface KafkaAccessRule {
  principal: string;
  resource: 'topic' | 'group';
  pattern: 'literal' | 'prefixed';
  name: string;
  operation: 'read' | 'write' | 'create' | 'describe';
}

interface ServiceEnvFile {
  common: Record<string, string>;
  services: Record<string, Record<string, string>>;
  /** The local broker's super user (tools/infra/kafka.mjs); absent for KAFKA_BROKERS alone. */
  kafkaSuperuser?: KafkaSasl;
  /** Every service's ACLs without a namespace, as granted at provisioning (kafka.mjs). */
  kafkaAcls?: KafkaAccessRule[];
}

/** The file read, by its path: a test may point the environment at another run's (a cluster's). */
let serviceEnvFile: { path: string; env: ServiceEnvFile } | undefined;

/** The real servers this test run uses (set by npm test or Jest's global setup). */
export function testInfra(): {
  kafkaBrokers: string;
  mongoUrl: string;
  /**
   * The agency simulators' database server: a server of its own (SIMULATORS_MONGO_URL, set by
   * the provisioning), so that their work is not counted as ours; else the same as mongoUrl.
   */
  simulatorsMongoUrl: string;
  oidcIssuerUrl: string;
  /**
   * The broker's super user, for test code that talks to Kafka itself (probes, fixtures,
   * granting a service's ACLs for a test's namespace); undefined when the broker does not
   * authenticate (KAFKA_BROKERS from the environment without a provisioned service-env).
   */
  kafkaSuperuser: KafkaSasl | undefined;
  /**
   * The ACLs a service needs under a topic namespace (KAFKA_NAMESPACE): the rules granted at
   * provisioning with every name prefixed as the topology prefixes it. Empty when the broker
   * does not authorize (no provisioned ACLs) or for a process that is not on the bus.
   */
  kafkaAclsFor(service: string, namespace: string | undefined): KafkaAccessRule[];
  /** What a service needs besides the servers: issuer, shared secrets, its Kafka credentials. */
  envFor(service: string): Record<string, string>;
} {
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  const mongoUrl = process.env.MONGO_URL;
  const oidcIssuerUrl = process.env.OIDC_ISSUER_URL;
  const file = process.env.LIEN_THONG_SERVICE_ENV;
  if (!kafkaBrokers || !mongoUrl || !oidcIssuerUrl || !file) {
    throw new Error(
      'KAFKA_BROKERS, MONGO_URL, OIDC_ISSUER_URL and LIEN_THONG_SERVICE_ENV are not set: run the tests with npm test (or npx jest, whose global setup provisions them).',
    );
  }
  if (serviceEnvFile?.path !== file)
    serviceEnvFile = { path: file, env: JSON.parse(readFileSync(file, 'utf8')) as ServiceEnvFile };
  const env = serviceEnvFile.env;
  return {
    kafkaBrokers,
    mongoUrl,
    simulatorsMongoUrl: process.env.SIMULATORS_MONGO_URL || mongoUrl,
    oidcIssuerUrl,
    kafkaSuperuser: env.kafkaSuperuser,
    kafkaAclsFor: (service, namespace) =>
      (env.kafkaAcls ?? [])
        .filter((rule) => rule.principal === `User:${service}`)
        .map((rule) => ({ ...rule, name: namespace ? `${namespace}.${rule.name}` : rule.name })),
    envFor: (service) => ({
      ...env.common,
      OIDC_ISSUER_URL: oidcIssuerUrl,
      ...(env.services[service] ?? {}),
    }),
  };
}

/** A name no other test (or earlier run) uses: for databases, topics, consumer groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/**
 * A port for a service a test starts. Inside a Jest worker, each worker takes its ports from a
 * block of its own below the kernel's ephemeral range (20000 + 1000 × worker): a port the OS
 * hands out (`listen(0)`) can be handed to a parallel worker between our check and the
 * service's listen (found: a stack's tax-obligation lost its port to another stack's, whose
 * /health then answered for it, and its dossiers waited for a tax notice that never came).
 * Elsewhere, or once the block is used up, a port the OS says is free.
 */
export async function freePort(): Promise<number> {
  const worker = Number(process.env.JEST_WORKER_ID ?? 0);
  if (Number.isInteger(worker) && worker > 0) {
    while (workerPorts < 1000) {
      const port = 20_000 + (worker % 10) * 1000 + workerPorts++;
      if (await canListen(port)) return port;
    }
  }
  return osPort();
}

let workerPorts = 0;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function osPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until check() returns a value other than undefined, or fails after timeoutMs. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`,
  );
}

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

interface ServiceEnvFile {
  common: Record<string, string>;
  services: Record<string, Record<string, string>>;
}

let serviceEnvFile: ServiceEnvFile | undefined;

/** The real servers this test run uses (set by npm test or Jest's global setup). */
export function testInfra(): {
  kafkaBrokers: string;
  mongoUrl: string;
  oidcIssuerUrl: string;
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
  serviceEnvFile ??= JSON.parse(readFileSync(file, 'utf8')) as ServiceEnvFile;
  const env = serviceEnvFile;
  return {
    kafkaBrokers,
    mongoUrl,
    oidcIssuerUrl,
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

export function freePort(): Promise<number> {
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

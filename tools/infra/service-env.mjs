// What each service needs besides Kafka and the database, generated fresh for every run:
// the identity provider's issuer, the secrets services share with the agency systems and
// the keys that sign events.
// Written to one file (mode 0600) in the run's data directory; LIEN_THONG_SERVICE_ENV
// names it, and whoever starts a service (npm start, the tests' harness) merges `common`
// and the service's own entry into its environment. Values already in the environment win,
// so a deployment sets them itself and this file is never used.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventProducers } from './manifest.mjs';

/**
 * A run's service environment: what every service gets, and each one's own; for the tests
 * and tools, the Kafka super user and the services' ACLs (tools/infra/kafka.mjs).
 * @typedef {{ common: Record<string, string>, services: Record<string, Record<string, string>>,
 *   kafkaSuperuser?: object, kafkaAcls?: unknown }} ServiceEnv
 */

export const SERVICE_ENV_VARIABLE = 'LIEN_THONG_SERVICE_ENV';

const secret = () => randomBytes(32).toString('base64url');

/** The services that produce events, each with a signing key of its own (tools/services.json). */
export const EVENT_PRODUCERS = eventProducers();

/**
 * One Ed25519 key pair per producer for this run (never stored in the repository): each
 * service gets its private JWK (`kid` = its name) as EVENT_SIGNING_KEY, every service all
 * the public ones as EVENT_VERIFY_KEYS. A deployment sets both itself instead.
 */
function eventKeys() {
  /** @type {Record<string, Record<string, string>>} */
  const services = {};
  /** @type {Record<string, object>} */
  const publicKeys = {};
  for (const name of EVENT_PRODUCERS) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: name, alg: 'EdDSA' };
    services[name] = { EVENT_SIGNING_KEY: JSON.stringify(jwk) };
    publicKeys[name] = { ...publicKey.export({ format: 'jwk' }), kid: name, alg: 'EdDSA' };
  }
  return { services, verifyKeys: JSON.stringify(publicKeys) };
}

/**
 * { common, services } for a run: the issuer, the per-agency webhook secrets (the
 * simulators sign with them, the services verify) and the event keys, plus what other
 * provisioners add (`extra.common`, `extra.services[name]`), e.g. each service's Kafka
 * credentials.
 */
/**
 * @param {{ oidcIssuerUrl?: string, extra?: { common?: Record<string, string>,
 *   services?: Record<string, Record<string, string>> } }} options
 * @returns {ServiceEnv}
 */
export function buildServiceEnv({ oidcIssuerUrl, extra = {} }) {
  const keys = eventKeys();
  /** @type {Record<string, string>} */
  const common = {
    ...(oidcIssuerUrl ? { OIDC_ISSUER_URL: oidcIssuerUrl } : {}),
    JUSTICE_WEBHOOK_SECRET: secret(),
    PAYMENT_WEBHOOK_SECRET: secret(),
    EVENT_VERIFY_KEYS: keys.verifyKeys,
    ...(extra.common ?? {}),
  };
  for (const key of Object.keys(common)) if (process.env[key]) delete common[key];
  /** @type {Record<string, Record<string, string>>} */
  const services = { ...keys.services };
  for (const [name, env] of Object.entries(extra.services ?? {}))
    services[name] = { ...services[name], ...env };
  return { common, services };
}

export function writeServiceEnv(
  /** @type {string} */ dataDir,
  /** @type {ServiceEnv} */ serviceEnv,
) {
  const file = join(dataDir, 'service-env.json');
  writeFileSync(file, JSON.stringify(serviceEnv, null, 2), { mode: 0o600 });
  return file;
}

/** The environment a service starts with: the run's file merged under what is already set. */
export function envForService(
  /** @type {string} */ name,
  /** @type {ServiceEnv} */ serviceEnv,
  env = process.env,
) {
  return { ...serviceEnv.common, ...(serviceEnv.services[name] ?? {}), ...pick(env) };
}

function pick(/** @type {NodeJS.ProcessEnv} */ env) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

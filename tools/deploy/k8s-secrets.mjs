// The Secrets the manifests of deploy/k8s reference, printed for `kubectl apply` (never
// written to the repository):
//
//   LAND_REGISTRY_MONGO_URL=… LAND_REGISTRY_KAFKA_PASSWORD=… … \
//     node tools/deploy/k8s-secrets.mjs [--dev] | kubectl apply -n lien-thong -f -
//
// Each service's MONGO_URL and Kafka password come from the environment (the MongoDB
// operator's or managed service's connection string, the KafkaUser's password); the
// webhook secrets too when the agencies issued them (JUSTICE_WEBHOOK_SECRET,
// PAYMENT_WEBHOOK_SECRET), else they are generated; the event-signing keys are generated.
// --dev adds the agency simulators' Secret. Applying again replaces every key: event keys
// change for every producer at once, so restart all services after it.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { EVENT_PRODUCERS } from '../infra/service-env.mjs';
import { kafkaClients, manifest } from '../infra/manifest.mjs';
import { messageOf } from '../infra/errors.mjs';

const variable = (/** @type {string} */ service, /** @type {string} */ suffix) =>
  `${service.toUpperCase().replace(/-/g, '_')}_${suffix}`;

/**
 * Where a Secret's key gets its value: a variable (generated when `generate` and unset;
 * left out when `optional` and unset), the producer's signing key, or every public key.
 * @typedef {{ env?: string, generate?: boolean, optional?: boolean, signingKey?: string,
 *   verifyKeys?: boolean }} SecretSource
 */

/**
 * Secret name → the keys it holds; each key names where its value comes from. Checked
 * against every secretKeyRef of the rendered manifests by tools/checks/deploy.mjs.
 */
/** @returns {Record<string, Record<string, SecretSource>>} */
export function secretLayout({ dev = false } = {}) {
  // What the manifest (tools/services.json) says each app uses: its database, its Kafka
  // user, its event-signing key; plus the agency secrets it shares.
  const service = (/** @type {string} */ name, extra = {}) => {
    const entry = manifest.services.find((s) => s.name === name);
    return {
      ...(entry?.database ? { MONGO_URL: { env: variable(name, 'MONGO_URL') } } : {}),
      ...(kafkaClients().includes(name)
        ? { KAFKA_SASL_PASSWORD: { env: variable(name, 'KAFKA_PASSWORD') } }
        : {}),
      ...(entry?.eventProducer ? { EVENT_SIGNING_KEY: { signingKey: name } } : {}),
      ...extra,
    };
  };
  const justice = { env: 'JUSTICE_WEBHOOK_SECRET', generate: true };
  const payment = { env: 'PAYMENT_WEBHOOK_SECRET', generate: true };
  return {
    'lien-thong-shared': { EVENT_VERIFY_KEYS: { verifyKeys: true } },
    'lien-thong-land-registry': {
      ...service('land-registry'),
      // Optional: the confidential client that imports failed logins into the audit log.
      OIDC_AUDIT_CLIENT_ID: { env: 'OIDC_AUDIT_CLIENT_ID', optional: true },
      OIDC_AUDIT_CLIENT_SECRET: { env: 'OIDC_AUDIT_CLIENT_SECRET', optional: true },
      // Optional: the service account that reads message statuses from the notification service.
      OIDC_LAND_REGISTRY_CLIENT_ID: { env: 'OIDC_LAND_REGISTRY_CLIENT_ID', optional: true },
      OIDC_LAND_REGISTRY_CLIENT_SECRET: { env: 'OIDC_LAND_REGISTRY_CLIENT_SECRET', optional: true },
    },
    'lien-thong-secured-transactions': service('secured-transactions', {
      JUSTICE_WEBHOOK_SECRET: justice,
    }),
    'lien-thong-tax-obligation': service('tax-obligation', { PAYMENT_WEBHOOK_SECRET: payment }),
    'lien-thong-notification': service('notification'),
    'lien-thong-construction': service('construction', {
      // Optional: the service account that looks up land-use rights in the land registry.
      OIDC_CONSTRUCTION_CLIENT_ID: { env: 'OIDC_CONSTRUCTION_CLIENT_ID', optional: true },
      OIDC_CONSTRUCTION_CLIENT_SECRET: { env: 'OIDC_CONSTRUCTION_CLIENT_SECRET', optional: true },
    }),
    ...(dev
      ? {
          'lien-thong-agency-simulators': service('agency-simulators', {
            JUSTICE_WEBHOOK_SECRET: justice,
            PAYMENT_WEBHOOK_SECRET: payment,
          }),
        }
      : {}),
  };
}

/** The Secret objects, with values from `env` or generated; throws naming what is missing. */
export function buildSecrets({ dev = false, env = process.env } = {}) {
  /** @type {Record<string, string>} */
  const generated = {};
  /** @type {Record<string, string>} */
  const keys = {};
  /** @type {Record<string, object>} */
  const publicKeys = {};
  for (const name of EVENT_PRODUCERS) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = (/** @type {import('node:crypto').KeyObject} */ key) => ({
      ...key.export({ format: 'jwk' }),
      kid: name,
      alg: 'EdDSA',
    });
    keys[name] = JSON.stringify(jwk(privateKey));
    publicKeys[name] = jwk(publicKey);
  }
  /** @type {string[]} */ const missing = [];
  const value = (/** @type {SecretSource} */ source) => {
    if (source.signingKey) return keys[source.signingKey];
    if (source.verifyKeys) return JSON.stringify(publicKeys);
    if (!source.env) return undefined;
    if (env[source.env]) return env[source.env];
    if (source.generate) return (generated[source.env] ??= randomBytes(32).toString('base64url'));
    if (!source.optional) missing.push(source.env);
    return undefined;
  };
  const secrets = Object.entries(secretLayout({ dev })).map(([name, layout]) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, labels: { 'app.kubernetes.io/part-of': 'lien-thong' } },
    type: 'Opaque',
    stringData: Object.fromEntries(
      Object.entries(layout)
        .map(([key, source]) => [key, value(source)])
        .filter(([, v]) => v !== undefined),
    ),
  }));
  if (missing.length > 0) throw new Error(`set ${[...new Set(missing)].join(', ')}`);
  return { apiVersion: 'v1', kind: 'List', items: secrets };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(JSON.stringify(buildSecrets({ dev: process.argv.includes('--dev') }), null, 2));
  } catch (err) {
    console.error(`k8s-secrets: ${messageOf(err)}`);
    process.exit(1);
  }
}

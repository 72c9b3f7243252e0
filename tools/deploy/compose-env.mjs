// The secrets docker-compose.yml requires (every ${NAME:?…} in it), generated fresh:
//
//   node tools/deploy/compose-env.mjs [--dev] > .env && chmod 600 .env
//
// writes them as a .env file that `docker compose` reads from the project directory (.env
// is git-ignored; keep it out of images and backups of the repository). --dev adds
// COMPOSE_PROFILES=dev, which starts the agency simulators. `composeEnv()` returns the same
// values for a program that starts compose itself (npm start's Docker path).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { EVENT_PRODUCERS } from '../infra/service-env.mjs';
import { KAFKA_SERVICE_USERS } from '../infra/kafka.mjs';

const secret = () => randomBytes(32).toString('base64url');
const variable = (/** @type {string} */ service, /** @type {string} */ suffix) =>
  `${service.toUpperCase().replace(/-/g, '_')}_${suffix}`;

/** { NAME: value } for every variable docker-compose.yml requires. */
export function composeEnv({ dev = false } = {}) {
  /** @type {Record<string, string>} */
  const env = {
    JUSTICE_WEBHOOK_SECRET: secret(),
    PAYMENT_WEBHOOK_SECRET: secret(),
    KAFKA_ADMIN_PASSWORD: secret(),
  };
  // One Ed25519 key pair per producer: its private JWK to it, every public one to all.
  /** @type {Record<string, object>} */
  const publicKeys = {};
  for (const name of EVENT_PRODUCERS) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = (/** @type {import('node:crypto').KeyObject} */ key) => ({
      ...key.export({ format: 'jwk' }),
      kid: name,
      alg: 'EdDSA',
    });
    env[variable(name, 'EVENT_SIGNING_KEY')] = JSON.stringify(jwk(privateKey));
    publicKeys[name] = jwk(publicKey);
  }
  env.EVENT_VERIFY_KEYS = JSON.stringify(publicKeys);
  for (const user of KAFKA_SERVICE_USERS) env[variable(user, 'KAFKA_PASSWORD')] = secret();
  if (dev) env.COMPOSE_PROFILES = 'dev';
  return env;
}

/** .env syntax: single quotes keep the JSON keys as they are. */
export function asDotEnv(/** @type {Record<string, string>} */ env) {
  return Object.entries(env)
    .map(([name, value]) => `${name}='${value}'`)
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(asDotEnv(composeEnv({ dev: process.argv.includes('--dev') })));
}

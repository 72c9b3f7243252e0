// What each service needs besides Kafka and the database, generated fresh for every run:
// the identity provider's issuer and the secrets services share with the agency systems.
// Written to one file (mode 0600) in the run's data directory; LIEN_THONG_SERVICE_ENV
// names it, and whoever starts a service (npm start, the tests' harness) merges `common`
// and the service's own entry into its environment. Values already in the environment win,
// so a deployment sets them itself and this file is never used.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVICE_ENV_VARIABLE = 'LIEN_THONG_SERVICE_ENV';

const secret = () => randomBytes(32).toString('base64url');

/**
 * { common, services } for a run: the issuer and the per-agency webhook secrets (the
 * simulators sign with them, the services verify), plus what other provisioners add
 * (`extra.common`, `extra.services[name]`), e.g. each service's Kafka credentials.
 */
export function buildServiceEnv({ oidcIssuerUrl, extra = {} }) {
  const common = {
    ...(oidcIssuerUrl ? { OIDC_ISSUER_URL: oidcIssuerUrl } : {}),
    JUSTICE_WEBHOOK_SECRET: secret(),
    PAYMENT_WEBHOOK_SECRET: secret(),
    ...(extra.common ?? {}),
  };
  for (const key of Object.keys(common)) if (process.env[key]) delete common[key];
  return { common, services: extra.services ?? {} };
}

export function writeServiceEnv(dataDir, serviceEnv) {
  const file = join(dataDir, 'service-env.json');
  writeFileSync(file, JSON.stringify(serviceEnv, null, 2), { mode: 0o600 });
  return file;
}

/** The environment a service starts with: the run's file merged under what is already set. */
export function envForService(name, serviceEnv, env = process.env) {
  return { ...serviceEnv.common, ...(serviceEnv.services[name] ?? {}), ...pick(env) };
}

function pick(env) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

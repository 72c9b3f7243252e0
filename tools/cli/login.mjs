// How the command-line tools (dead letters, audit) log in: a token given in the environment
// (what a deployment does), or, in development, a sample user of the development realm by
// the password grant, the password read from the realm file, its only home.
import { CLIENT_ID, DEFAULT_ISSUER, readRealm, REALM_FILE } from '../infra/keycloak.mjs';

/** The issuer: OIDC_ISSUER_URL, else the one npm start runs (Keycloak on KEYCLOAK_PORT). */
export function issuerUrl() {
  return process.env.OIDC_ISSUER_URL ?? DEFAULT_ISSUER;
}

/**
 * `tokenVariable` from the environment, or the sample user's token (development only).
 * @param {string} username
 * @param {string} tokenVariable
 * @returns {Promise<string>}
 */
export async function tokenFor(username, tokenVariable) {
  if (process.env[tokenVariable]) return process.env[tokenVariable];
  const issuer = issuerUrl();
  const realm = readRealm();
  const password = realm.users
    ?.find((u) => u.username === username)
    ?.credentials?.find((c) => c.type === 'password')?.value;
  if (!password) throw new Error(`no sample user ${username} in ${REALM_FILE}`);
  const discovery = await fetch(`${issuer}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(10_000),
  }).catch(() => undefined);
  if (!discovery?.ok)
    throw new Error(
      `cannot reach the identity provider at ${issuer} (is npm start running? set OIDC_ISSUER_URL, or ${tokenVariable} to a token)`,
    );
  const { token_endpoint: tokenEndpoint } = /** @type {{ token_endpoint: string }} */ (
    await discovery.json()
  );
  const res = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: CLIENT_ID,
      username,
      password,
      scope: 'openid',
    }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`logging in as ${username} failed: HTTP ${res.status}`);
  return /** @type {{ access_token: string }} */ (await res.json()).access_token;
}

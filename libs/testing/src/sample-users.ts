import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The sample accounts of the development realm (deploy/keycloak/lien-thong-realm.dev.json),
 * by what they are for. Their password is read from the realm file, the only place it lives.
 */
export const SAMPLE_USERS = {
  /** counter-officer, 01/CN-BADINH (Hà Nội, Ba Đình branch) */
  counterBaDinh: 'motcua.badinh',
  /** counter-officer, 01 (Hà Nội office: every branch) */
  counterHaNoi: 'motcua.hanoi',
  /** land-officer, 01/CN-BADINH */
  landOfficerBaDinh: 'chuyenvien.badinh',
  /** land-officer, 01 (every Hà Nội branch) */
  landOfficerHaNoi: 'chuyenvien.hanoi',
  /** land-leader, 01 */
  leaderHaNoi: 'lanhdao.hanoi',
  /** tax-officer, 01 */
  taxHaNoi: 'thue.hanoi',
  /** construction-officer, 01 */
  constructionHaNoi: 'xaydung.hanoi',
  operator: 'vanhanh',
  auditor: 'kiemtoan',
  /** counter-officer, 91 (An Giang) */
  counterAnGiang: 'motcua.angiang',
  /** land-officer, 91 */
  landOfficerAnGiang: 'chuyenvien.angiang',
  /** land-leader, 91 */
  leaderAnGiang: 'lanhdao.angiang',
  /** tax-officer, 91 */
  taxAnGiang: 'thue.angiang',
  /** construction-officer, 91 */
  constructionAnGiang: 'xaydung.angiang',
  /** citizen 001060100000, owner of parcel 00004/12/101 */
  citizenAn: '001060100000',
  /** citizen 001170100001 */
  citizenBinh: '001170100001',
  /** citizen 079090000123, party to no sample dossier */
  citizenKhoa: '079090000123',
} as const;
export type SampleUser = (typeof SAMPLE_USERS)[keyof typeof SAMPLE_USERS];

const REALM_FILE = join(__dirname, '../../../deploy/keycloak/lien-thong-realm.dev.json');

interface RealmUser {
  username: string;
  credentials?: { type: string; value: string }[];
}

let passwords: Map<string, string> | undefined;

/** The development password of a sample user, from the realm file. */
export function samplePassword(username: string): string {
  passwords ??= new Map(
    (JSON.parse(readFileSync(REALM_FILE, 'utf8')) as { users: RealmUser[] }).users.map((u) => [
      u.username,
      u.credentials?.find((c) => c.type === 'password')?.value ?? '',
    ]),
  );
  const password = passwords.get(username);
  if (!password) throw new Error(`${username} is not a sample user of the development realm`);
  return password;
}

const tokens = new Map<string, { token: string; expiresAt: number }>();
/** Logins in flight, shared: a burst of calls as one user logs in once. */
const loggingIn = new Map<string, Promise<string>>();

/**
 * An access token of a sample user from the run's Keycloak (OIDC_ISSUER_URL), by the
 * password grant the development realm allows its public client; cached until a minute
 * before it expires.
 */
export async function tokenOf(username: string, issuer = issuerUrl()): Promise<string> {
  const key = `${issuer} ${username}`;
  const cached = tokens.get(key);
  if (cached && cached.expiresAt > Date.now() + 60_000) return cached.token;
  const pending = loggingIn.get(key) ?? login(issuer, username, key);
  loggingIn.set(key, pending);
  try {
    return await pending;
  } finally {
    loggingIn.delete(key);
  }
}

async function login(issuer: string, username: string, key: string): Promise<string> {
  const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'lien-thong-web',
      username,
      password: samplePassword(username),
      scope: 'openid',
    }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`logging in as ${username} failed: HTTP ${res.status}`);
  const body = (await res.json()) as { access_token: string; expires_in: number };
  tokens.set(key, { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 });
  return body.access_token;
}

/** `{ authorization: 'Bearer …' }` for a sample user. */
export async function authAs(username: string): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await tokenOf(username)}` };
}

function issuerUrl(): string {
  const issuer = process.env.OIDC_ISSUER_URL;
  if (!issuer) throw new Error('OIDC_ISSUER_URL is not set (npm test and the scripts set it)');
  return issuer;
}

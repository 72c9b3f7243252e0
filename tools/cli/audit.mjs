// npm run audit -- verify [--service NAME] [--url URL]
// npm run audit -- list [--service NAME] [--url URL] [--dossier CODE] [--from N] [--limit N]
//
// For the auditor: checks each running service's hash-chained audit log (GET
// /audit/verification) and names the first broken record, or prints records.
// Logs in as the sample auditor `kiemtoan` of the development realm against
// OIDC_ISSUER_URL (which `npm start` prints), its password read from the realm file at run
// time; a deployment gives the token in AUDIT_TOKEN instead. Services are reached on their
// default ports (tools/cli/services.mjs), each overridable by <NAME>_PORT.
import { tokenFor } from './login.mjs';
import { SERVICES, servicePort } from './services.mjs';
import { messageOf } from '../infra/errors.mjs';

const AUDITOR = 'kiemtoan';

const args = process.argv.slice(2);
const option = (/** @type {string} */ name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const [command] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const withAuditLog = SERVICES.filter((s) => !s.simulator);
const url = option('url');
const targets = url
  ? [{ name: option('service') ?? url, url }]
  : withAuditLog
      .filter((s) => !option('service') || s.name === option('service'))
      .map((s) => ({ name: s.name, url: `http://127.0.0.1:${servicePort(s)}` }));
if (targets.length === 0) {
  console.error(
    `no service named ${option('service')}: ${withAuditLog.map((s) => s.name).join(', ')}`,
  );
  process.exit(2);
}

/** AUDIT_TOKEN, or the sample auditor's token by the password grant (development only). */
function auditorToken() {
  return tokenFor(AUDITOR, 'AUDIT_TOKEN');
}

/**
 * @param {string} url
 * @param {string} token
 * @returns {Promise<any>} the service's JSON answer
 */
async function get(url, token) {
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(120_000),
  }).catch(() => {
    throw new Error(`cannot reach ${new URL(url).origin} (is the service running? npm start)`);
  });
  const body = /** @type {any} */ (await res.json().catch(() => ({})));
  if (!res.ok) {
    const hint = res.status === 404 ? ' (this service keeps no audit log)' : '';
    throw new Error(
      `${new URL(url).pathname}: HTTP ${res.status} ${body.code ?? ''}${hint}`.trim(),
    );
  }
  return body;
}

async function verify(/** @type {string} */ token) {
  const width = Math.max(...targets.map((t) => t.name.length)) + 2;
  let broken;
  let failed = false;
  for (const t of targets) {
    const label = t.name.padEnd(width);
    try {
      const result = await get(`${t.url}/audit/verification`, token);
      if (result.ok) {
        console.log(`${label}ok      ${result.records} records, last hash ${result.lastHash}`);
      } else {
        const { seq, reason, message } = result.firstBroken;
        console.log(`${label}BROKEN  record ${seq}: ${reason}: ${message}`);
        broken ??= { service: t.name, seq, reason };
        failed = true;
      }
    } catch (err) {
      console.log(`${label}ERROR   ${messageOf(err)}`);
      failed = true;
    }
  }
  if (broken)
    console.error(
      `\nfirst broken record: ${broken.service} record ${broken.seq} (${broken.reason})`,
    );
  return failed ? 1 : 0;
}

async function list(/** @type {string} */ token) {
  const query = new URLSearchParams();
  for (const [name, parameter] of [
    ['dossier', 'dossierCode'],
    ['from', 'from'],
    ['limit', 'limit'],
  ]) {
    const value = option(name);
    if (value) query.set(parameter, value);
  }
  for (const t of targets) {
    const page = await get(`${t.url}/audit/records?${query}`, token);
    console.log(`${t.name}: ${page.records.length} record(s)`);
    for (const r of page.records) {
      const who = r.actor
        ? `${r.actor.username} (${r.actor.roles.join(',')}${r.actor.unit ? ` ${r.actor.unit}` : ''})`
        : 'anonymous';
      const details = r.details ? ` ${JSON.stringify(r.details)}` : '';
      console.log(
        `  #${r.seq} ${r.at} ${r.action} ${who}${r.dossierCode ? ` ${r.dossierCode}` : ''}${r.ip ? ` from ${r.ip}` : ''}${details}`,
      );
    }
    if (page.nextFrom) console.log(`  … more from --from ${page.nextFrom}`);
  }
  return 0;
}

try {
  if (command === 'verify') process.exitCode = await verify(await auditorToken());
  else if (command === 'list') process.exitCode = await list(await auditorToken());
  else {
    console.log(
      'usage: npm run audit -- verify [--service NAME] [--url URL]\n' +
        '       npm run audit -- list [--service NAME] [--dossier CODE] [--from N] [--limit N]\n' +
        'OIDC_ISSUER_URL (printed by npm start) to log in as the sample auditor, or AUDIT_TOKEN.',
    );
    process.exitCode = 2;
  }
} catch (err) {
  console.error(messageOf(err));
  process.exitCode = 1;
}

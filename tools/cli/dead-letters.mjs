// npm run dead-letters -- <list|replay> [id|--all] [--service NAME] [--url URL] [--status pending|replayed|all]
// For the engineer on call: what each service could not handle and why, and replay after a fix.
// Talks to the services' admin endpoints (/admin/dead-letters) on their default ports, as the
// operator: OPERATOR_TOKEN, or in development the sample operator (tools/cli/login.mjs).
import { SERVICES, servicePort } from './services.mjs';
import { tokenFor } from './login.mjs';
import { messageOf } from '../infra/errors.mjs';

const args = process.argv.slice(2);
const option = (/** @type {string} */ name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const [command, id] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const onBus = SERVICES.filter((s) => s.kafkaConsumer);
const targets = option('url')
  ? [{ name: option('service') ?? option('url'), url: option('url') }]
  : onBus
      .filter((s) => !option('service') || s.name === option('service'))
      .map((s) => ({ name: s.name, url: `http://127.0.0.1:${servicePort(s)}` }));

let token;
/**
 * @param {string} method
 * @param {string} url
 * @returns {Promise<any>} the service's JSON answer
 */
async function call(method, url) {
  token ??= await tokenFor('vanhanh', 'OPERATOR_TOKEN');
  const res = await fetch(url, { method, headers: { authorization: `Bearer ${token}` } }).catch(
    () => {
      throw new Error(
        `cannot reach ${new URL(url).origin}: is the service running (npm start), or pass --url`,
      );
    },
  );
  const body = /** @type {any} */ (await res.json().catch(() => ({})));
  if (!res.ok)
    throw new Error(`${method} ${url}: ${res.status} ${body.code ?? ''} ${body.message ?? ''}`);
  return body;
}

try {
  if (command === 'list') {
    for (const t of targets) {
      const letters = await call(
        'GET',
        `${t.url}/admin/dead-letters?status=${option('status') ?? 'pending'}`,
      );
      console.log(`${t.name}: ${letters.length} dead letter(s)`);
      for (const l of letters) {
        console.log(
          `  ${l._id}\n    ${l.topic} key=${l.key} attempts=${l.attempts} failed ${l.failedAt}${l.replayedAt ? ` replayed ${l.replayedAt}` : ''}\n    ${l.errorCode}: ${l.errorMessage}`,
        );
      }
    }
  } else if (command === 'replay' && (id || args.includes('--all'))) {
    if (targets.length !== 1) throw new Error('name the service: --service <name>');
    const [t] = targets;
    const result =
      id && id !== '--all'
        ? await call('POST', `${t.url}/admin/dead-letters/${encodeURIComponent(id)}/replay`)
        : await call('POST', `${t.url}/admin/dead-letters/replay`);
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(
      'usage: npm run dead-letters -- list [--service NAME] [--status pending|replayed|all]\n       npm run dead-letters -- replay <id>|--all --service NAME',
    );
    process.exitCode = 2;
  }
} catch (err) {
  console.error(messageOf(err));
  process.exitCode = 1;
}

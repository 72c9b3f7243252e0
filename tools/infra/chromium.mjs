// The browser the web tests drive (playwright-core, which never downloads one): Debian's
// Chromium at /usr/bin/chromium, or the one CHROMIUM_PATH names. When it is missing and this
// process runs as root, apt-get installs it; otherwise one sentence says how.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { messageOf } from './errors.mjs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function ensureChromium({
  log = (/** @type {string} */ m) => console.log(`[infra] ${m}`),
} = {}) {
  const named = process.env.CHROMIUM_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROMIUM_PATH names ${named}, which does not exist.`);
    return named;
  }
  if (existsSync(DEFAULT_CHROMIUM)) return DEFAULT_CHROMIUM;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The browser tests need Chromium: install it with "sudo apt-get install -y chromium", or name another Chrome with CHROMIUM_PATH=/path/to/chrome.`,
    );
  }
  log('installing Chromium for the browser tests (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (/** @type {string[]} */ args) =>
    execFileSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    apt(['install', '-y', '--no-install-recommends', 'chromium']);
  } catch {
    // A machine whose package lists were never read first.
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', 'chromium']);
  }
  if (!existsSync(DEFAULT_CHROMIUM))
    throw new Error('apt-get installed chromium, but /usr/bin/chromium is missing.');
  return DEFAULT_CHROMIUM;
}

// node tools/infra/chromium.mjs: ensures the browser and prints its path.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(ensureChromium({ log: (m) => console.error(`[infra] ${m}`) }));
  } catch (err) {
    console.error(messageOf(err));
    process.exit(1);
  }
}

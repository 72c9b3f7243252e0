// Shared by the command-line scripts: install what is missing, and stop everything a run
// started on exit, on Ctrl-C, on SIGTERM, and when the parent (npm) disappears.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../infra/paths.mjs';
import { run } from '../infra/processes.mjs';
import { messageOf } from '../infra/errors.mjs';

/**
 * Installs when node_modules is missing or older than package-lock.json. `npm install`, not
 * `npm ci`: npm 11 refuses `ci` with this lock because it records no entries for the other
 * platforms' optional binaries (@swc/core-darwin-arm64 and the like); `install` keeps the
 * locked versions and leaves the lock unchanged.
 */
export function ensureDependencies() {
  const marker = join(repoRoot, 'node_modules', '.package-lock.json');
  const lock = join(repoRoot, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('[setup] installing npm dependencies (npm install, versions from package-lock.json)');
  const started = Date.now();
  const result = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (!result.ok) {
    console.error('[setup] npm install failed; see the output above.');
    process.exit(1);
  }
  console.log(`[setup] dependencies installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** @type {(() => unknown)[]} */
const cleanups = [];
let shuttingDown = false;

/** Registers fn to run once when the process is asked to stop. */
export function onShutdown(/** @type {() => unknown} */ fn) {
  cleanups.push(fn);
}

export function isShuttingDown() {
  return shuttingDown;
}

export async function shutdown(/** @type {number} */ code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error(`[setup] while stopping: ${messageOf(err)}`);
    }
  }
  process.exit(code);
}

export function installSignalHandlers() {
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));
  process.on('SIGHUP', () => void shutdown(129));
  // npm killed with SIGKILL leaves us orphaned: notice and stop rather than run on.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(1);
  }, 1000).unref();
}

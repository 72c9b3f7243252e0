// Starting and stopping the processes a run owns. Every infrastructure process runs
// under guard.mjs, detached from the terminal: Ctrl-C reaches only the owner, which
// stops things in order, and the guard stops its process if the owner dies anyway.
import { spawn, spawnSync } from 'node:child_process';
import { openSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const guardPath = join(dirname(fileURLToPath(import.meta.url)), 'guard.mjs');

/**
 * Starts command under a guard tied to this process; output goes to logFile.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {{ logFile: string, env?: NodeJS.ProcessEnv, cwd?: string, removeOnOrphan?: string,
 *   user?: { uid: number, gid: number }, stopSignal?: NodeJS.Signals }} options
 */
export function startGuarded(
  name,
  command,
  args,
  { logFile, env = process.env, cwd, removeOnOrphan, user, stopSignal },
) {
  const fd = openSync(logFile, 'a');
  const guardEnv = { ...env };
  if (removeOnOrphan) guardEnv.GUARD_REMOVE_ON_ORPHAN = removeOnOrphan;
  if (user) Object.assign(guardEnv, { GUARD_UID: String(user.uid), GUARD_GID: String(user.gid) });
  if (stopSignal) guardEnv.GUARD_STOP_SIGNAL = stopSignal;
  const child = spawn(process.execPath, [guardPath, String(process.pid), command, ...args], {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: guardEnv,
    cwd,
  });
  closeSync(fd);
  let exited = false;
  const exit = new Promise((resolve) =>
    child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  return {
    name,
    pid: child.pid,
    logFile,
    isAlive: () => !exited,
    tail: (lines = 20) => tailFile(logFile, lines),
    async stop(timeoutMs = 20_000) {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** @typedef {ReturnType<typeof startGuarded>} Guarded A process started by startGuarded. */

export function tailFile(/** @type {string} */ file, lines = 20) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(-lines - 1)
    .join('\n');
}

/**
 * Runs a command to completion; returns { ok, stdout, stderr }.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {Omit<import('node:child_process').SpawnSyncOptions, 'encoding'>} [options]
 * @returns {{ ok: boolean, status: number | null, stdout: string, stderr: string, error?: Error }}
 */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return {
    ok: result.status === 0,
    status: result.status,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    error: result.error,
  };
}

export function onPath(/** @type {string} */ command) {
  return run('sh', ['-c', `command -v ${command}`]).ok;
}

// Runs one infrastructure process (Kafka, the database) on behalf of an owner process
// and stops it when the owner goes away, even if the owner was killed with SIGKILL
// and had no chance to clean up. Usage: node guard.mjs <ownerPid> <command> [args...]
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const [ownerArg, command, ...args] = process.argv.slice(2);
const ownerPid = Number(ownerArg);
// GUARD_UID/GUARD_GID: run as that user (PostgreSQL refuses to run as root);
// GUARD_STOP_SIGNAL: the signal that stops the process promptly (SIGTERM by default).
const uid = process.env.GUARD_UID ? Number(process.env.GUARD_UID) : undefined;
const gid = process.env.GUARD_GID ? Number(process.env.GUARD_GID) : undefined;
const stopSignal = /** @type {NodeJS.Signals} */ (process.env.GUARD_STOP_SIGNAL || 'SIGTERM');
const child = spawn(command, args, { stdio: 'inherit', uid, gid });
let stopping = false;

function ownerAlive() {
  try {
    process.kill(ownerPid, 0);
    return true;
  } catch {
    return false;
  }
}

function stop() {
  if (stopping) return;
  stopping = true;
  child.kill(stopSignal);
  setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('SIGHUP', stop);
const watch = setInterval(() => {
  if (!ownerAlive()) stop();
}, 500);
child.on('exit', (code, signal) => {
  clearInterval(watch);
  // An orphaned run cannot remove its temp data itself; do it here.
  if (!ownerAlive() && process.env.GUARD_REMOVE_ON_ORPHAN) {
    rmSync(process.env.GUARD_REMOVE_ON_ORPHAN, { recursive: true, force: true });
  }
  process.exit(code ?? (signal ? 1 : 0));
});

// Free ports chosen at run time so that two runs on one machine never collide.
import { createServer, connect } from 'node:net';

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** Resolves true when something accepts TCP connections on host:port within timeoutMs. */
export function canConnect(
  /** @type {string} */ host,
  /** @type {number} */ port,
  timeoutMs = 1000,
) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * @param {string} host
 * @param {number} port
 * @param {{ timeoutMs?: number, proc?: import('./processes.mjs').Guarded, what?: string }} [options]
 */
export async function waitForPort(host, port, { timeoutMs = 60_000, proc, what = 'server' } = {}) {
  // The process's last log lines say why it did not come up.
  const tail = () => (proc ? `\n${proc.tail()}` : '');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc && !proc.isAlive())
      throw new Error(`${what} exited before it accepted connections on ${host}:${port}${tail()}`);
    if (await canConnect(host, port, 500)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `${what} did not accept connections on ${host}:${port} within ${timeoutMs / 1000} s${tail()}`,
  );
}

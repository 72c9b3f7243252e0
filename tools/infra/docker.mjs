// The Docker path: used only when a Docker engine answers and no servers are given.
import { run } from './processes.mjs';

export function dockerAvailable() {
  if (process.env.LIEN_THONG_NO_DOCKER === '1') return false;
  const info = run('docker', ['info', '--format', '{{.ServerVersion}}'], {
    timeout: 5000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return info.ok && info.stdout.trim().length > 0;
}

// npm start where a Docker engine answers: the whole stack from docker-compose.yml.
import { spawn } from 'node:child_process';
import { repoRoot } from './paths.mjs';
import { run } from './processes.mjs';
import { onShutdown } from '../cli/lifecycle.mjs';
import { composeEnv } from '../deploy/compose-env.mjs';

/**
 * The run's secrets, Kafka passwords and event keys, as the variables docker-compose.yml
 * substitutes (the same set `node tools/deploy/compose-env.mjs --dev` prints), with the
 * simulators' `dev` profile: this is a development stack.
 */
function stackEnv() {
  return { ...process.env, ...composeEnv({ dev: true }) };
}

export async function startWithDocker() {
  const project = ['compose', '-p', 'lien-thong', '-f', 'docker-compose.yml'];
  console.log('[start] Docker engine found: building and starting the stack with docker compose');
  const env = stackEnv();
  const up = run('docker', [...project, 'up', '--build', '--detach', '--wait'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env,
  });
  if (!up.ok) throw new Error('docker compose up failed; see the output above.');
  onShutdown(() => {
    run('docker', [...project, 'down'], { cwd: repoRoot, stdio: 'inherit', env });
  });
  console.log(
    [
      '',
      'liên thông is running in Docker.',
      '  public one-stop API   http://127.0.0.1:3000   (OpenAPI docs: http://127.0.0.1:3000/docs)',
      '  health                http://127.0.0.1:{3000,3001,3002,3003,3100}/health',
      '  log in                http://keycloak:8180/realms/lien-thong/account (sample users: deploy/keycloak/lien-thong-realm.dev.json)',
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
  const logs = spawn('docker', [...project, 'logs', '--follow', '--tail', '20'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env,
  });
  onShutdown(() => logs.kill('SIGTERM'));
}

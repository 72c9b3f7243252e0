// Runs a TypeScript script from tools/scripts against provisioned Kafka and MongoDB:
// `node tools/cli/run-script.mjs demo [args]` (npm run demo, chaos, bench use it).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureNode24 } from '../infra/node24.mjs';
import { repoRoot } from '../infra/paths.mjs';
import { provision } from '../infra/provision.mjs';
import { startInfraControl } from '../infra/control.mjs';
import { build } from './build.mjs';
import { ensureDependencies, installSignalHandlers, onShutdown, shutdown } from './lifecycle.mjs';
import { messageOf } from '../infra/errors.mjs';

await ensureNode24();
ensureDependencies();
installSignalHandlers();

const [script, ...args] = process.argv.slice(2);
try {
  // The scripts start services from dist/.
  build();
  const infra = await provision();
  onShutdown(() => infra.stop());
  const control = await startInfraControl(infra);
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--disable-warning=TimeoutNegativeWarning',
      '-r',
      '@swc-node/register',
      join('tools/scripts', `${script}.ts`),
      ...args,
    ],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        ...infra.env,
        INFRA_CONTROL_URL: control.url,
      },
    },
  );
  onShutdown(() => child.kill('SIGTERM'));
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  await shutdown(code);
} catch (err) {
  console.error(`[${script}] ${messageOf(err)}`);
  await shutdown(1);
}

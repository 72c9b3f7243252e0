// npm test: the same bootstrap as npm start, then lint and type-check (fail fast) while
// Kafka and the database come up, then every unit and integration test against them.
// Ends with one line "tests: N passed, N failed" that CI reads.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNode24 } from '../infra/node24.mjs';
import { repoRoot } from '../infra/paths.mjs';
import { provision } from '../infra/provision.mjs';
import { startInfraControl } from '../infra/control.mjs';
import { ensureChromium } from '../infra/chromium.mjs';
import { ensureDependencies, installSignalHandlers, onShutdown, shutdown } from './lifecycle.mjs';
import { messageOf } from '../infra/errors.mjs';

await ensureNode24();
ensureDependencies();
installSignalHandlers();

const bin = (/** @type {string} */ name) => join(repoRoot, 'node_modules', '.bin', name);
const children = new Set();
onShutdown(() => children.forEach((c) => c.kill('SIGTERM')));

function step(
  /** @type {string} */ label,
  /** @type {string} */ command,
  /** @type {string[]} */ args,
  env = process.env,
) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: 'inherit' });
    children.add(child);
    child.on('exit', (code) => {
      children.delete(child);
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`[test] ${label}: ${code === 0 ? 'ok' : 'FAILED'} in ${seconds} s`);
      resolve(code === 0);
    });
  });
}

const args = process.argv.slice(2);
const started = Date.now();
const infraPromise = provision({
  log: (/** @type {string} */ m) => console.log(`[infra] ${m}`),
}).then(
  (infra) => {
    onShutdown(() => infra.stop());
    return infra;
  },
  (err) => err,
);

// The module-boundary lint rule reads Nx's project graph; compute it first (no daemon in CI).
const nxEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const graphOk = await step('project graph', bin('nx'), ['show', 'projects'], nxEnv);
const checks = await Promise.all([
  graphOk,
  step('type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
  // The officer console and citizen portal: browser code, its own settings (DOM, JSX).
  step('type-check (web)', bin('tsc'), ['-p', 'apps/web/tsconfig.json', '--noEmit']),
  // The tools: JavaScript that runs before npm install, checked from its JSDoc.
  step('type-check (tools)', bin('tsc'), ['-p', 'tools/tsconfig.json']),
  step('lint', bin('eslint'), ['.', '--max-warnings=0'], nxEnv),
  step('format', bin('prettier'), ['--check', '--log-level=warn', '.']),
  // docker-compose.yml against the Compose schema, deploy/k8s rendered and checked with
  // kubeconform, and the wiring of both (tools/checks/deploy.mjs).
  step('deployment', process.execPath, [join(repoRoot, 'tools/checks/deploy.mjs')]),
]);
if (checks.includes(false)) {
  console.log('[test] static checks failed; not running the tests.');
  console.log('tests: 0 passed, 1 failed');
  await shutdown(1);
}

// The browser the web suite drives (e2e/src/web): installed here, before the tests, when missing.
try {
  ensureChromium({ log: (m) => console.log(`[infra] ${m}`) });
} catch (err) {
  console.error(`[test] ${messageOf(err)}`);
  console.log('tests: 0 passed, 1 failed');
  await shutdown(1);
}

const infra = await infraPromise;
if (infra instanceof Error) {
  console.error(`[test] ${infra.message}`);
  await shutdown(1);
}

const control = await startInfraControl(infra);
// The chaos suite restarts the shared Kafka broker (INFRA_CONTROL_URL), which would break
// whatever else runs at that moment, and the cluster suite runs three brokers of its own
// (too heavy beside other stacks on two cores): they run alone, one after the other, after
// everything else. Arguments (a path, -t …) select tests for one pass.
const ALONE_SUITES = ['e2e/src/chaos.int-spec.ts', 'e2e/src/cluster.int-spec.ts'];
const passes =
  args.length > 0
    ? [{ label: 'jest', extra: args }]
    : [
        { label: 'jest', extra: ['--testPathIgnorePatterns', ...ALONE_SUITES] },
        { label: 'jest (chaos and cluster, alone)', extra: ['--runInBand', ...ALONE_SUITES] },
      ];
const env = {
  ...process.env,
  ...infra.env,
  INFRA_CONTROL_URL: control.url,
  TZ: 'Asia/Ho_Chi_Minh',
};
mkdirSync(join(repoRoot, 'tmp'), { recursive: true });
let jestOk = true;
let passed = 0;
let failed = 0;
for (const [i, pass] of passes.entries()) {
  const resultsFile = join(repoRoot, 'tmp', `jest-results-${i + 1}.json`);
  rmSync(resultsFile, { force: true });
  const ok = await step(
    pass.label,
    process.execPath,
    [
      '--experimental-vm-modules',
      '--disable-warning=ExperimentalWarning',
      '--disable-warning=TimeoutNegativeWarning',
      join(repoRoot, 'node_modules/jest/bin/jest.js'),
      '--ci',
      '--json',
      `--outputFile=${resultsFile}`,
      ...pass.extra,
    ],
    env,
  );
  jestOk &&= ok;
  if (existsSync(resultsFile)) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
  } else if (!ok) failed += 1;
}
console.log(`[test] finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`tests: ${passed} passed, ${failed} failed`);
await shutdown(jestOk && failed === 0 ? 0 : 1);

// npm run api-fuzz [-- --max-examples 15] [--only land-registry]: the whole stack, then the
// property-based API fuzzer schemathesis against each service's OpenAPI document (/docs-json),
// logged in as a role that may call that service's routes. It fails on any 5xx, any status the
// document does not declare, and any answer whose body does not match its declared schema.
import 'reflect-metadata';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { authAs, SAMPLE_USERS, startStack, StackService } from '@lien-thong/testing';

const SCHEMATHESIS_VERSION = '4.32.5';
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'response_schema_conformance',
  'content_type_conformance',
];

/** Who calls each service: a role that may call most of its routes. */
const CALLERS: Record<StackService, string> = {
  'land-registry': SAMPLE_USERS.counterBaDinh,
  'secured-transactions': SAMPLE_USERS.operator,
  'tax-obligation': SAMPLE_USERS.taxHaNoi,
  notification: SAMPLE_USERS.operator,
  construction: SAMPLE_USERS.constructionHaNoi,
  'agency-simulators': SAMPLE_USERS.operator,
};

interface FuzzRun {
  service: StackService;
  user: string;
  /** schemathesis filter options: which operations this run covers. */
  filter: string[];
}

/**
 * Routes every service shares, called as the role they are for; the simulators' fault
 * settings go last and alone: a fuzzed outage or error rate makes the simulated agencies
 * answer 5xx on purpose for the rest of the run.
 */
const SHARED_ROUTES: { regex: string; user: string }[] = [
  { regex: '^/audit/', user: SAMPLE_USERS.auditor },
  { regex: '^/admin/dead-letters', user: SAMPLE_USERS.operator },
  { regex: '^/admin/faults/', user: SAMPLE_USERS.operator },
];

/** The runs for one service: its usual caller for its own routes, then the shared routes. */
function runsFor(service: StackService, paths: string[]): FuzzRun[] {
  const shared = SHARED_ROUTES.filter((r) => paths.some((p) => new RegExp(r.regex).test(p)));
  const exclude = shared.map((r) => r.regex.slice(1)).join('|');
  return [
    {
      service,
      user: CALLERS[service],
      filter: exclude ? ['--exclude-path-regex', `^(${exclude})`] : [],
    },
    ...shared.map((r) => ({ service, user: r.user, filter: ['--include-path-regex', r.regex] })),
  ];
}

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** schemathesis, installed once with pip into the user cache (never into the repository). */
function ensureSchemathesis(): { bin: string; pythonPath: string } {
  // The user cache, as tools/infra/paths.mjs finds it (a script, not a service: no config class).
  // eslint-disable-next-line no-restricted-syntax
  const cache = process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache');
  const dir = join(cache, 'lien-thong', 'tools', `schemathesis-${SCHEMATHESIS_VERSION}`);
  const bin = join(dir, 'bin', 'schemathesis');
  // An unversioned install of the same version (an earlier set-up) is used as it is.
  const shared = join(cache, 'lien-thong', 'tools', 'schemathesis');
  if (
    !existsSync(bin) &&
    existsSync(join(shared, `schemathesis-${SCHEMATHESIS_VERSION}.dist-info`)) &&
    existsSync(join(shared, 'bin', 'schemathesis'))
  )
    return { bin: join(shared, 'bin', 'schemathesis'), pythonPath: shared };
  if (!existsSync(bin)) {
    console.log(`[api-fuzz] installing schemathesis ${SCHEMATHESIS_VERSION} into ${dir}`);
    mkdirSync(dir, { recursive: true });
    const pip = spawnSync(
      'python3',
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--disable-pip-version-check',
        '--target',
        dir,
        `schemathesis==${SCHEMATHESIS_VERSION}`,
      ],
      { stdio: 'inherit' },
    );
    if (pip.status !== 0 || !existsSync(bin)) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error('could not install schemathesis with "python3 -m pip" (Python 3.10+ needed)');
    }
  }
  return { bin, pythonPath: dir };
}

interface ServiceResult {
  service: StackService;
  user: string;
  operations: number;
  testCases: number;
  failures: number;
  exitCode: number;
}

async function fuzz(
  tool: { bin: string; pythonPath: string },
  run: FuzzRun,
  url: string,
  maxExamples: number,
  reportDir: string,
): Promise<ServiceResult> {
  const { service, user } = run;
  const { authorization } = await authAs(user);
  const junit = join(
    reportDir,
    `${service}-${user}-${run.filter.join('')}.xml`.replace(/[^\w.-]/g, '_'),
  );
  const args = [
    'run',
    `${url}/docs-json`,
    '--url',
    url,
    '--checks',
    CHECKS.join(','),
    '--header',
    `Authorization: ${authorization}`,
    '--max-examples',
    String(maxExamples),
    '--phases',
    'examples,coverage,fuzzing',
    // One worker: with two, hypothesis's lambda descriptions raced ("AST constructor recursion
    // depth mismatch") and operations ended in errors that are the tool's, not the service's.
    '--workers',
    '1',
    '--seed',
    option('seed') ?? '20260701',
    '--request-timeout',
    '20',
    '--suppress-health-check',
    'all',
    '--report',
    'junit',
    '--report-junit-path',
    junit,
    ...run.filter,
  ];
  console.log(`\n[api-fuzz] ${service} (${url}/docs-json) as ${user}: ${run.filter.join(' ')}`);
  // `env` adds PYTHONPATH to the inherited environment; schemathesis keeps its state
  // (.schemathesis/) in its working directory, a temporary one, never the repository.
  const child = spawn('env', [`PYTHONPATH=${tool.pythonPath}`, 'NO_COLOR=1', tool.bin, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: reportDir,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  const exitCode = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  const xml = existsSync(junit) ? readFileSync(junit, 'utf8') : '';
  return {
    service,
    user,
    operations: Number(/Tested:\s*(\d+)/.exec(output)?.[1] ?? 0),
    testCases: Number(/Test cases:\s*(\d+) generated/i.exec(output)?.[1] ?? 0),
    failures: xml.split('<testcase').filter((c) => /<(failure|error)\b/.test(c)).length,
    exitCode,
  };
}

async function main(): Promise<void> {
  const maxExamples = Number(option('max-examples') ?? 15);
  const only = option('only');
  const tool = ensureSchemathesis();
  console.log('[api-fuzz] starting the five services…');
  const stack = await startStack({ common: { RETRY_DELAYS_MS: '500,2000,5000' } });
  const reportDir = mkdtempSync(join(tmpdir(), 'api-fuzz-'));
  const results: ServiceResult[] = [];
  try {
    for (const service of Object.keys(CALLERS) as StackService[]) {
      if (only && only !== service) continue;
      const url = stack.url[service];
      const document = (await (await fetch(`${url}/docs-json`)).json()) as {
        paths: Record<string, unknown>;
      };
      for (const run of runsFor(service, Object.keys(document.paths)))
        results.push(await fuzz(tool, run, url, maxExamples, reportDir));
    }
  } finally {
    await stack.stop();
    rmSync(reportDir, { recursive: true, force: true });
  }
  console.log(
    '\n[api-fuzz] service                as             operations  test cases  failed operations',
  );
  for (const r of results)
    console.log(
      `[api-fuzz] ${r.service.padEnd(22)} ${r.user.padEnd(14)} ${String(r.operations).padStart(10)}  ${String(r.testCases).padStart(10)}  ${String(r.failures).padStart(17)}${r.exitCode === 0 ? '' : '  FAILED'}`,
    );
  const summary = {
    services: new Set(results.map((r) => r.service)).size,
    runs: results.length,
    operations: results.reduce((n, r) => n + r.operations, 0),
    testCases: results.reduce((n, r) => n + r.testCases, 0),
    failedOperations: results.reduce((n, r) => n + r.failures, 0),
    maxExamplesPerOperation: maxExamples,
    failedRuns: results.filter((r) => r.exitCode !== 0).map((r) => `${r.service} as ${r.user}`),
  };
  console.log(JSON.stringify(summary));
  process.exitCode = summary.failedRuns.length === 0 ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(`[api-fuzz] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});

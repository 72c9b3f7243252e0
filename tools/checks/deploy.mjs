// Static checks of the deployment (part of npm test's static checks; no Docker engine or
// cluster needed):
// - docker-compose.yml is loaded by compose-go, the Compose Specification's reference
//   loader, which validates it against the specification's JSON schema; then its wiring is
//   checked: containers listen on 0.0.0.0, reach each other by service name (never
//   127.0.0.1), set only variables a service reads, take every secret from the
//   environment, the simulators run only in the dev profile, and the tracking link of the
//   messages leads to the portal's page on the web gateway;
// - every overlay of deploy/k8s is rendered with kustomize, validated with kubeconform
//   against the Kubernetes JSON schemas, and checked the same way (probes, resources,
//   PodDisruptionBudgets, replicas within the partitions, secrets by reference only, an
//   Ingress only in front of rendered Services, the public origin on the web gateway);
// - all three, and each app's default port, agree with the manifest of services
//   (tools/services.json): ports, probe paths, Node flags, who consumes Kafka, who signs
//   events, who has a database, which app is a development-only simulator. The manifest is
//   not rendered into them (Kustomize has no values file): it is checked against them.
//
//   node tools/checks/deploy.mjs [--compose <file>] [--k8s <dir>] [--dockerfile <file>]
//
// The tools are Go programs built once with `go install` from the Go module proxy, and the
// schemas come from the kubernetes-validate package on PyPI; both are cached under
// ~/.cache/lien-thong (never in the repository), so a second run downloads nothing.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, repoRoot } from '../infra/paths.mjs';
import { KAFKA_SERVICE_USERS } from '../infra/kafka.mjs';
import { envName, manifest } from '../infra/manifest.mjs';
import { composeEnv } from '../deploy/compose-env.mjs';
import { secretLayout } from '../deploy/k8s-secrets.mjs';
import { messageOf } from '../infra/errors.mjs';

const TOOLS = {
  kustomize: { module: 'sigs.k8s.io/kustomize/kustomize/v5', version: 'v5.8.1', bin: 'kustomize' },
  kubeconform: {
    module: 'github.com/yannh/kubeconform/cmd/kubeconform',
    version: 'v0.8.0',
    bin: 'kubeconform',
  },
  // compose-go's own command: "Validates a compose file conforms to the Compose Specification".
  compose: { module: 'github.com/compose-spec/compose-go/v2/cmd', version: 'v2.16.2', bin: 'cmd' },
};
/** The schemas kubeconform validates against: Kubernetes 1.33, strict (no unknown fields). */
const SCHEMAS = { package: 'kubernetes-validate', version: '1.37.0', kubernetes: '1.33.0' };

/**
 * The apps the deployments run: every entry of the manifest (tools/services.json). The web
 * gateway is no NestJS service: its config is the WebGatewayEnv class (no ServiceConfig).
 */
const APPS = manifest.services.map((s) => s.name);
/** @param {string} app */
const entryOf = (app) => manifest.services.find((s) => s.name === app);
/**
 * Loopback defaults a service may keep because it does not use that server at all.
 * @type {Record<string, string[] | undefined>}
 */
const UNUSED = { 'agency-simulators': ['KAFKA_BROKERS'] };
/** Read by the image itself (Dockerfile CMD), not by the service's config class. */
const IMAGE_ENV = ['SERVICE'];
const SECRET_NAME = /SECRET|PASSWORD|SIGNING_KEY|VERIFY_KEYS|^MONGO_URL$/;
const LOOPBACK = /\b(127\.\d+\.\d+\.\d+|localhost|\[::1\]|0\.0\.0\.0)\b/;
/**
 * Addresses put into messages for a citizen's browser, never called by the container: on
 * one compose host, localhost at a port a compose service publishes is right for them.
 */
const BROWSER_URLS = new Set(['TRACKING_URL']);
/** The portal's tracking page (apps/web router): the messages link `<TRACKING_URL>?ma=…`. */
const TRACKING_PATH = '/tra-cuu';
const GATEWAY = 'web-gateway';

const requireFromRoot = createRequire(join(repoRoot, 'package.json'));

function run(
  /** @type {string} */ command,
  /** @type {string[]} */ args,
  /** @type {import('node:child_process').SpawnSyncOptions} */ options = {},
) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (result.error)
    throw new Error(
      /** @type {NodeJS.ErrnoException} */ (result.error).code === 'ENOENT'
        ? `${command} is not installed: the deployment check needs Go (go install) and python3 with pip`
        : `${command}: ${result.error.message}`,
    );
  return { ok: result.status === 0, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Moves a finished download into place; another process may have finished first. */
function publish(/** @type {string} */ partial, /** @type {string} */ dir) {
  try {
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(dir)) throw err;
  }
}

/**
 * Builds a Go tool once into ~/.cache/lien-thong/go-tools/<name>-<version>.
 * @param {keyof typeof TOOLS} name
 * @param {(message: string) => void} [log]
 */
export function ensureTool(name, log = () => undefined) {
  const tool = TOOLS[name];
  const dir = cacheDir('go-tools', `${name}-${tool.version}`);
  const bin = join(dir, tool.bin);
  if (existsSync(bin)) return bin;
  log(`building ${tool.module}@${tool.version} with go install into ${dir} (first run only)`);
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const built = run('go', ['install', `${tool.module}@${tool.version}`], {
    cwd: tmpdir(),
    env: { ...process.env, GOBIN: partial, GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: 'local' },
  });
  if (!built.ok) throw new Error(`go install ${tool.module} failed:\n${built.stderr.slice(-2000)}`);
  publish(partial, dir);
  return bin;
}

/**
 * The Kubernetes JSON schemas, from the kubernetes-validate wheel (PyPI), in the layout
 * kubeconform reads. Its "-local" schemas name an $id on kubernetes.io and refer to
 * "/api/_definitions.json", which a validator would try to fetch from there: each file is
 * rewritten once to refer to the _definitions.json beside it.
 */
/** @param {(message: string) => void} [log] */
export function ensureSchemas(log = () => undefined) {
  const root = cacheDir('kubernetes-json-schema', `${SCHEMAS.package}-${SCHEMAS.version}`);
  const folder = `v${SCHEMAS.kubernetes}-local-strict`;
  if (existsSync(join(root, '.complete'))) return root;
  log(`fetching ${SCHEMAS.package} ${SCHEMAS.version} from PyPI into ${root} (first run only)`);
  const partial = `${root}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const wheels = join(partial, 'wheel');
  const fetched = run('python3', [
    '-m',
    'pip',
    'download',
    '--quiet',
    '--no-deps',
    '--disable-pip-version-check',
    '-d',
    wheels,
    `${SCHEMAS.package}==${SCHEMAS.version}`,
  ]);
  if (!fetched.ok) throw new Error(`pip download ${SCHEMAS.package} failed:\n${fetched.stderr}`);
  const prefix = `kubernetes_validate/kubernetes-json-schema/${folder}/`;
  const unzip = run('python3', [
    '-c',
    `import sys, zipfile, glob
z = zipfile.ZipFile(glob.glob(sys.argv[1] + '/*.whl')[0])
for n in z.namelist():
    if n.startswith(sys.argv[2]) and n.endswith('.json'):
        z.extract(n, sys.argv[3])`,
    wheels,
    prefix,
    partial,
  ]);
  if (!unzip.ok) throw new Error(`unpacking ${SCHEMAS.package} failed:\n${unzip.stderr}`);
  const source = join(partial, prefix);
  const target = join(partial, folder);
  mkdirSync(target);
  /** @type {(node: any) => any} */
  const relink = (node) => {
    if (Array.isArray(node)) return node.map(relink);
    if (node === null || typeof node !== 'object') return node;
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$id' && typeof value === 'string' && value.startsWith('https://kubernetes.io/'))
        continue;
      out[key] =
        key === '$ref' && typeof value === 'string'
          ? value.replace(/^\/api\/_definitions\.json/, '_definitions.json')
          : relink(value);
    }
    return out;
  };
  for (const file of readdirSync(source)) {
    const schema = relink(JSON.parse(readFileSync(join(source, file), 'utf8')));
    writeFileSync(join(target, file), JSON.stringify(schema));
  }
  rmSync(join(partial, 'kubernetes_validate'), { recursive: true, force: true });
  rmSync(wheels, { recursive: true, force: true });
  writeFileSync(join(partial, '.complete'), new Date().toISOString());
  publish(partial, root);
  return root;
}

/**
 * The variables each app reads: the properties of the app's config class
 * (apps/<app>/src/config/<app>.config.ts) and, when it extends ServiceConfig, of that, with
 * those whose default is a loopback address (the service would call itself if a deployment
 * left them unset).
 */
export function configOf(root = repoRoot) {
  const properties = (/** @type {string} */ text) =>
    [...text.matchAll(/^ {2}([A-Z][A-Z0-9_]*)[!?]?\s*(?::[^=;\n]*)?(?:=\s*([^;]*))?;/gm)].map(
      ([, name, value]) => ({ name, loopback: LOOPBACK.test(value ?? '') }),
    );
  const read = (/** @type {string} */ file) => readFileSync(join(root, file), 'utf8');
  const common = properties(read('libs/platform/src/config/service-config.ts'));
  return Object.fromEntries(
    APPS.map((app) => {
      const own = read(`apps/${app}/src/config/${app}.config.ts`);
      const all = [...(/\bextends\s+ServiceConfig\b/.test(own) ? common : []), ...properties(own)];
      return [
        app,
        {
          reads: new Set([...all.map((p) => p.name), ...IMAGE_ENV]),
          loopbackDefaults: all
            .filter((p) => p.loopback && p.name !== 'HOST' && !(UNUSED[app] ?? []).includes(p.name))
            .map((p) => p.name),
        },
      ];
    }),
  );
}

/** "${NAME:-default}" → default; "${NAME:?…}" or "${NAME}" → undefined (set at deploy time). */
function literal(/** @type {unknown} */ value) {
  const text = String(value);
  const ref = /^\$\{[A-Z0-9_]+(?::?-([^}]*))?(?::?\?[^}]*)?\}$/.exec(text);
  if (ref) return ref[1];
  return text;
}

/** Hosts named by a value: URLs and host:port lists (KAFKA_BROKERS, CALLBACK_HOSTS). */
function hostsIn(/** @type {string} */ value) {
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?,]+)/i.exec(value);
  if (url) return [url[1]];
  if (/^[^\s,/:]+:\d+(,[^\s,/:]+:\d+)*$/.test(value))
    return value.split(',').map((h) => h.split(':')[0]);
  return [];
}

/** Loads a compose file with compose-go (schema validation included); throws its message. */
export function loadCompose(
  /** @type {string} */ file,
  /** @type {(message: string) => void} */ log,
) {
  const bin = ensureTool('compose', log);
  // Interpolation is left out: the secrets are required variables, set only at deploy time
  // (the checks below read the ${…} references themselves).
  const loaded = run(bin, ['--no-interpolation', '--format', 'json', resolve(file)], {
    cwd: dirname(resolve(file)),
  });
  if (!loaded.ok) throw new Error(`${file}: ${(loaded.stderr || loaded.stdout).trim()}`);
  return JSON.parse(loaded.stdout);
}

/** The tracking link leads to the portal's page (the land registry's old /tracking is gone). */
function trackingPathProblem(
  /** @type {string} */ where,
  /** @type {string} */ key,
  /** @type {string} */ value,
) {
  if (key !== 'TRACKING_URL') return [];
  const path = /^[a-z]+:\/\/[^/]+(\/[^?#]*)?/i.exec(value)?.[1] ?? '';
  return path.replace(/\/+$/, '').endsWith(TRACKING_PATH)
    ? []
    : [`${where}: TRACKING_URL=${value} is not the portal's ${TRACKING_PATH} page`];
}

/**
 * A browser URL in compose: a compose service name (with its /etc/hosts line, as for
 * keycloak), or localhost at a published port; the tracking link must reach the gateway.
 */
function composeBrowserUrl(
  /** @type {string} */ where,
  /** @type {string} */ key,
  /** @type {string} */ value,
  /** @type {Record<string, any>} */ services,
) {
  const problems = trackingPathProblem(where, key, value);
  const match = /^[a-z]+:\/\/([^/:?]+|\[[^\]]+\])(?::(\d+))?/i.exec(value);
  if (!match) return [...problems, `${where}: ${key}=${value} is no URL`];
  const [, host, port = /^https:/i.test(value) ? '443' : '80'] = match;
  let target = services[host] ? host : undefined;
  if (!target && LOOPBACK.test(host)) {
    target = Object.keys(services).find((name) =>
      (services[name].ports ?? []).some((/** @type {any} */ p) => String(p.published) === port),
    );
    if (!target)
      return [...problems, `${where}: ${key}=${value}: no compose service publishes port ${port}`];
  }
  if (!target) return [...problems, `${where}: ${key} names ${host}, no compose service`];
  if (key === 'TRACKING_URL' && services[target].build?.args?.SERVICE !== GATEWAY)
    problems.push(`${where}: TRACKING_URL=${value} does not reach the web gateway`);
  return problems;
}

export function checkCompose(/** @type {any} */ model, config = configOf()) {
  const problems = [];
  const services = model.services ?? {};
  const names = new Set(Object.keys(services));
  const dev = (/** @type {string} */ name) => (services[name]?.profiles ?? []).includes('dev');
  for (const [name, service] of Object.entries(services)) {
    const app = service.build?.args?.SERVICE;
    const env = service.environment ?? {};
    for (const dependency of Object.keys(service.depends_on ?? {}))
      if (dev(dependency) && !dev(name))
        problems.push(`compose ${name}: depends on ${dependency}, which runs only in profile dev`);
    if (!app) continue;
    const where = `compose ${name}`;
    if (!config[app]) {
      problems.push(`${where}: SERVICE=${app} is not an app of apps/`);
      continue;
    }
    if (entryOf(app)?.simulator && !dev(name))
      problems.push(`${where}: the agency simulators must run only in the dev profile`);
    problems.push(...composeManifestProblems(where, app, service));
    if (env.HOST !== '0.0.0.0')
      problems.push(`${where}: HOST must be 0.0.0.0 (the service listens on loopback otherwise)`);
    for (const [key, raw] of Object.entries(env)) {
      if (!config[app].reads.has(key))
        problems.push(`${where}: ${key} is read by no ${app} config`);
      const value = literal(raw);
      if (SECRET_NAME.test(key) && key !== 'MONGO_URL') {
        if (!/^\$\{[A-Z0-9_]+:\?[^}]*\}$/.test(String(raw)))
          problems.push(`${where}: ${key} must come from the environment as \${NAME:?…}`);
        continue;
      }
      if (value === undefined || key === 'HOST') continue;
      if (BROWSER_URLS.has(key)) problems.push(...composeBrowserUrl(where, key, value, services));
      else if (LOOPBACK.test(value))
        problems.push(`${where}: ${key}=${value} points at the container itself`);
      else
        for (const host of hostsIn(value))
          if (!names.has(host)) problems.push(`${where}: ${key} names ${host}, no compose service`);
    }
    for (const key of config[app].loopbackDefaults)
      if (!(key in env)) problems.push(`${where}: ${key} is unset and defaults to 127.0.0.1`);
    if (KAFKA_SERVICE_USERS.includes(app)) {
      if (env.KAFKA_SASL_USERNAME !== app)
        problems.push(`${where}: KAFKA_SASL_USERNAME must be ${app} (its Kafka user and ACLs)`);
      if (!env.KAFKA_SASL_PASSWORD)
        problems.push(`${where}: KAFKA_SASL_PASSWORD is missing (the broker requires SCRAM)`);
    }
  }
  for (const app of APPS)
    if (!Object.values(services).some((s) => s.build?.args?.SERVICE === app))
      problems.push(`compose: no service runs ${app}`);
  return problems;
}

/**
 * A compose service against its manifest entry: it listens on the manifest's port, publishes
 * that port from the container, and has a database and a signing key exactly when the
 * manifest says so.
 * @param {string} where
 * @param {string} app
 * @param {any} service compose-go's model of the service
 */
function composeManifestProblems(where, app, service) {
  const entry = entryOf(app);
  if (!entry) return [];
  const env = service.environment ?? {};
  const problems = [];
  if (env.PORT !== undefined && Number(literal(env.PORT)) !== entry.port)
    problems.push(`${where}: PORT=${env.PORT}, the manifest says ${entry.port}`);
  for (const port of service.ports ?? [])
    if (Number(port.target) !== entry.port)
      problems.push(`${where}: publishes container port ${port.target}, not ${entry.port}`);
  problems.push(...usesProblems(where, entry, Object.keys(env)));
  return problems;
}

/**
 * A deployment sets MONGO_URL exactly for the apps with a database, EVENT_SIGNING_KEY
 * exactly for the producers of events (tools/services.json).
 * @param {string} where
 * @param {import('../infra/manifest.mjs').ServiceEntry} entry
 * @param {string[]} variables what the deployment sets for it
 */
function usesProblems(where, entry, variables) {
  const problems = [];
  for (const [flag, variable] of /** @type {const} */ ([
    ['database', 'MONGO_URL'],
    ['eventProducer', 'EVENT_SIGNING_KEY'],
  ]))
    if (entry[flag] !== variables.includes(variable))
      problems.push(
        `${where}: ${entry[flag] ? 'no' : 'a'} ${variable}, but tools/services.json has ${flag}: ${entry[flag]}`,
      );
  return problems;
}

/**
 * The variables the compose file requires (${NAME:?…}) are exactly those
 * tools/deploy/compose-env.mjs generates, so that its .env starts the stack.
 */
export function checkRequiredVariables(/** @type {string} */ composeText) {
  const code = composeText.replace(/^\s*#.*$/gm, '');
  const required = new Set([...code.matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((m) => m[1]));
  const generated = new Set(Object.keys(composeEnv()));
  return [
    ...[...required]
      .filter((name) => !generated.has(name))
      .map(
        (name) =>
          `compose: \${${name}} is required but tools/deploy/compose-env.mjs does not generate it`,
      ),
    ...[...generated]
      .filter((name) => !required.has(name))
      .map(
        (name) => `compose: tools/deploy/compose-env.mjs generates ${name}, which nothing requires`,
      ),
  ];
}

const KAFKA_START = 'deploy/compose/kafka-start.sh';

/** The compose broker creates a SCRAM user for every service on the bus. */
export function checkKafkaUsers(/** @type {string} */ script) {
  return KAFKA_SERVICE_USERS.filter((user) => !script.includes(`[name=${user},`)).map(
    (user) => `${KAFKA_START}: no SCRAM user for ${user}`,
  );
}

/** Renders every overlay of a Kustomize tree: { overlay: yamlText }. */
export function renderOverlays(
  /** @type {string} */ k8sDir,
  /** @type {(message: string) => void} */ log,
) {
  const bin = ensureTool('kustomize', log);
  const overlays = join(k8sDir, 'overlays');
  return Object.fromEntries(
    readdirSync(overlays).map((overlay) => {
      const built = run(bin, ['build', join(overlays, overlay)]);
      if (!built.ok) throw new Error(`kustomize build overlays/${overlay}: ${built.stderr.trim()}`);
      return [overlay, built.stdout];
    }),
  );
}

/** kubeconform over rendered YAML; returns its complaints. */
export function kubeconform(
  /** @type {Record<string, string>} */ rendered,
  /** @type {(message: string) => void} */ log,
) {
  const bin = ensureTool('kubeconform', log);
  const schemas = ensureSchemas(log);
  const problems = [];
  for (const [overlay, yaml] of Object.entries(rendered)) {
    const result = run(
      bin,
      [
        '-strict',
        '-summary',
        '-kubernetes-version',
        SCHEMAS.kubernetes,
        '-schema-location',
        `${schemas}/{{ .NormalizedKubernetesVersion }}-local{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
        '-',
      ],
      { input: yaml },
    );
    if (!result.ok)
      problems.push(
        ...result.stdout
          .split('\n')
          .filter((l) => l && !l.startsWith('Summary'))
          .map((l) => `k8s ${overlay}: ${l.replace(/^stdin - /, '')}`),
      );
  }
  return problems;
}

const matches = (
  /** @type {Record<string, string>} */ selector = {},
  /** @type {Record<string, string>} */ labels = {},
) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

export function checkManifests(
  /** @type {string} */ overlay,
  /** @type {any[]} */ docs,
  config = configOf(),
) {
  const problems = [];
  const where = (/** @type {string} */ what) => `k8s ${overlay} ${what}`;
  const byKind = (/** @type {string} */ kind) => docs.filter((d) => d?.kind === kind);
  const configMaps = Object.fromEntries(
    byKind('ConfigMap').map((c) => [c.metadata.name, c.data ?? {}]),
  );
  for (const secret of byKind('Secret'))
    if (secret.data || secret.stringData)
      problems.push(where(`Secret ${secret.metadata.name}: secret values are never committed`));
  const deployments = byKind('Deployment');
  const secrets = secretLayout({ dev: true });
  /** @type {{ labels: Record<string, string>, app: string }[]} */
  const podApps = [];
  /** @type {{ at: string, value: string }[]} */
  const trackingUrls = [];
  /** @type {Set<string>} */
  const deployed = new Set();
  let partitions = 0;
  for (const deployment of deployments) {
    const name = deployment.metadata.name;
    const pod = deployment.spec.template;
    for (const container of pod.spec.containers) {
      const at = where(`Deployment ${name} container ${container.name}`);
      /** @type {Record<string, string | undefined>} */
      const env = {};
      const fromSecret = new Set();
      for (const source of container.envFrom ?? []) {
        if (source.secretRef) problems.push(`${at}: envFrom secretRef; name each secret variable`);
        if (source.configMapRef) {
          const data = configMaps[source.configMapRef.name];
          if (!data) problems.push(`${at}: ConfigMap ${source.configMapRef.name} is not rendered`);
          Object.assign(env, data ?? {});
        }
      }
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (ref) {
          fromSecret.add(variable.name);
          if (!secrets[ref.name]?.[ref.key])
            problems.push(
              `${at}: Secret ${ref.name} key ${ref.key} is not made by tools/deploy/k8s-secrets.mjs`,
            );
        }
        const fromMap = variable.valueFrom?.configMapKeyRef;
        if (fromMap && !configMaps[fromMap.name]?.[fromMap.key] && !fromMap.optional)
          problems.push(
            `${at}: ${variable.name} names ConfigMap ${fromMap.name} key ${fromMap.key}, not rendered`,
          );
        env[variable.name] = fromMap ? configMaps[fromMap.name]?.[fromMap.key] : variable.value;
      }
      const app = env.SERVICE ?? '(unset)';
      podApps.push({ labels: pod.metadata.labels, app });
      if (!config[app]) {
        problems.push(`${at}: SERVICE=${app} is not an app of apps/`);
        continue;
      }
      const { live, ready } = manifest.health;
      if (container.livenessProbe?.httpGet?.path !== live)
        problems.push(`${at}: livenessProbe must GET ${live}`);
      if (container.readinessProbe?.httpGet?.path !== ready)
        problems.push(`${at}: readinessProbe must GET ${ready}`);
      const entry = /** @type {import('../infra/manifest.mjs').ServiceEntry} */ (entryOf(app));
      const http = (container.ports ?? []).find((/** @type {any} */ p) => p.name === 'http');
      if (http?.containerPort !== entry.port)
        problems.push(`${at}: containerPort http must be ${entry.port} (tools/services.json)`);
      if (env.PORT !== undefined && Number(env.PORT) !== entry.port)
        problems.push(`${at}: PORT=${env.PORT}, the manifest says ${entry.port}`);
      problems.push(...usesProblems(at, entry, Object.keys(env)));
      if (entry.simulator && overlay !== 'dev')
        problems.push(`${at}: the agency simulators run only in the dev overlay`);
      deployed.add(app);
      const { requests = {}, limits = {} } = container.resources ?? {};
      if (!requests.cpu || !requests.memory || !limits.memory)
        problems.push(`${at}: resources need cpu and memory requests and a memory limit`);
      if (env.HOST !== '0.0.0.0') problems.push(`${at}: HOST must be 0.0.0.0`);
      for (const [key, value] of Object.entries(env)) {
        if (!config[app].reads.has(key)) problems.push(`${at}: ${key} is read by no ${app} config`);
        if (SECRET_NAME.test(key) && !fromSecret.has(key))
          problems.push(`${at}: ${key} must come from a Secret (secretKeyRef)`);
        if (key !== 'HOST' && value !== undefined && LOOPBACK.test(value))
          problems.push(`${at}: ${key}=${value} points at the pod itself`);
        if (key === 'TRACKING_URL' && value !== undefined) trackingUrls.push({ at, value });
      }
      for (const key of config[app].loopbackDefaults)
        if (!(key in env)) problems.push(`${at}: ${key} is unset and defaults to 127.0.0.1`);
      // Only consumers of the bus (tools/services.json): the web gateway scales like any web server.
      if (!entry.kafkaConsumer) continue;
      partitions = Math.max(partitions, Number(env.KAFKA_PARTITIONS ?? 6));
      const replicas = deployment.spec.replicas ?? 1;
      if (replicas > Number(env.KAFKA_PARTITIONS ?? 6))
        problems.push(`${at}: ${replicas} replicas exceed KAFKA_PARTITIONS (idle group members)`);
    }
    if (
      !byKind('PodDisruptionBudget').some((p) =>
        matches(p.spec.selector?.matchLabels, pod.metadata.labels),
      )
    )
      problems.push(where(`Deployment ${name}: no PodDisruptionBudget selects its pods`));
  }
  for (const s of manifest.services)
    if (!deployed.has(s.name) && (!s.simulator || overlay === 'dev'))
      problems.push(where(`no Deployment runs ${s.name} (tools/services.json)`));
  for (const hpa of byKind('HorizontalPodAutoscaler'))
    if (hpa.spec.maxReplicas > partitions)
      problems.push(
        where(`HorizontalPodAutoscaler ${hpa.metadata.name}: maxReplicas exceeds KAFKA_PARTITIONS`),
      );
  for (const service of byKind('Service'))
    if (!deployments.some((d) => matches(service.spec.selector, d.spec.template.metadata.labels)))
      problems.push(where(`Service ${service.metadata.name}: selects no Deployment's pods`));
  problems.push(...checkPublicOrigin(byKind, podApps, trackingUrls, where));
  return problems;
}

/**
 * The public origin: each Ingress routes to a rendered Service and port; the host of the
 * messages' tracking link is served by the web gateway (an Ingress to it, or its Service),
 * so that a citizen's link opens the portal and no service's own port is public there.
 */
function checkPublicOrigin(
  /** @type {(kind: string) => any[]} */ byKind,
  /** @type {{ labels: Record<string, string>, app: string }[]} */ podApps,
  /** @type {{ at: string, value: string }[]} */ trackingUrls,
  /** @type {(what: string) => string} */ where,
) {
  const problems = [];
  const services = Object.fromEntries(byKind('Service').map((s) => [s.metadata.name, s]));
  const appOf = (/** @type {string} */ serviceName) =>
    podApps.find((p) => matches(services[serviceName]?.spec.selector, p.labels))?.app;
  /** @type {Record<string, { path: string, app: string | undefined }[]>} */
  const routes = {};
  for (const ingress of byKind('Ingress')) {
    const at = where(`Ingress ${ingress.metadata.name}`);
    for (const rule of ingress.spec.rules ?? [])
      for (const path of rule.http?.paths ?? []) {
        const { name, port = {} } = path.backend.service ?? {};
        const target = services[name];
        if (!target) problems.push(`${at}: routes to Service ${name}, which is not rendered`);
        else if (
          !target.spec.ports.some(
            (/** @type {any} */ p) => p.name === port.name || p.port === port.number,
          )
        )
          problems.push(`${at}: Service ${name} has no port ${port.name ?? port.number}`);
        (routes[rule.host ?? '*'] ??= []).push({ path: path.path, app: appOf(name) });
      }
  }
  for (const { at, value } of trackingUrls) {
    problems.push(...trackingPathProblem(at, 'TRACKING_URL', value));
    const host = /^[a-z]+:\/\/([^/:?]+)/i.exec(value)?.[1] ?? '';
    const inCluster = host.split('.')[0];
    if (routes[host]) {
      if (routes[host].some((r) => r.app !== GATEWAY))
        problems.push(`${at}: the Ingress of ${host} routes elsewhere than to the web gateway`);
    } else if (!(services[inCluster] && appOf(inCluster) === GATEWAY))
      problems.push(
        `${at}: TRACKING_URL host ${host} is neither an Ingress host nor the web gateway's Service`,
      );
  }
  return problems;
}

/**
 * The image: installs without `npm ci` (npm 11 refused it on an earlier state of this lock,
 * commits f4241c7 and 6bd3741), listens on 0.0.0.0, checks its health on a route that
 * exists, and runs node with the manifest's flags and variables.
 */
export function checkDockerfile(/** @type {string} */ text) {
  const code = text.replace(/^\s*#.*$/gm, '');
  const problems = [];
  if (/\bnpm\s+ci\b/.test(code))
    problems.push('Dockerfile: npm ci (npm 11 refused it on this lock; use npm install)');
  if (!/^ENV\b.*\bHOST=0\.0\.0\.0\b/m.test(code))
    problems.push('Dockerfile: the runtime stage must set HOST=0.0.0.0');
  if (!/HEALTHCHECK[\s\S]*\/health\/(ready|live)\b/.test(code))
    problems.push('Dockerfile: HEALTHCHECK must call /health/ready or /health/live');
  // The CMD cannot read JSON: it repeats the manifest's Node flags, which must be the same.
  const cmd = /exec node ((?:--\S+\s+)*)dist\/apps\//.exec(code);
  const flags = cmd?.[1].trim().split(/\s+/) ?? [];
  if (flags.join(' ') !== manifest.nodeFlags.join(' '))
    problems.push(
      `Dockerfile: CMD runs node ${flags.join(' ') || '(no flags)'}; tools/services.json has ${manifest.nodeFlags.join(' ')}`,
    );
  // And its ENV sets the manifest's processEnv, with the same values.
  const env = new Map(
    [...code.matchAll(/^ENV\s+(.+)$/gm)].flatMap((m) =>
      m[1].split(/\s+/).map((pair) => /** @type {[string, string]} */ (pair.split('=', 2))),
    ),
  );
  for (const [name, value] of Object.entries(manifest.processEnv))
    if (env.get(name) !== value)
      problems.push(
        `Dockerfile: ENV ${name}=${env.get(name) ?? '(unset)'}; tools/services.json has ${value}`,
      );
  return problems;
}

/**
 * The apps' own defaults (used when no PORT or API_<NAME>_URL is set, as by npm start)
 * are the manifest's: each app's default PORT, and the web gateway's default address of
 * every service whose API it serves (apps read no tools/ at run time: they keep a copy).
 */
export function checkAppDefaults(root = repoRoot) {
  const problems = [];
  /** @param {string} app */
  const configFile = (app) => `apps/${app}/src/config/${app}.config.ts`;
  for (const s of manifest.services) {
    const text = readFileSync(join(root, configFile(s.name)), 'utf8');
    const port = /\{\s*PORT:\s*(\d+)\s*\}|^\s+PORT\s*=\s*'(\d+)'/m.exec(text);
    if (Number(port?.[1] ?? port?.[2]) !== s.port)
      problems.push(`${configFile(s.name)}: default PORT is not ${s.port} (tools/services.json)`);
  }
  const gateway = manifest.services.find((s) => s.gateway);
  if (!gateway) return problems;
  const text = readFileSync(join(root, configFile(gateway.name)), 'utf8');
  const defaults = Object.fromEntries(
    [...text.matchAll(/^\s+API_([A-Z_]+)_URL\s*=\s*'([^']*)'/gm)].map(([, name, url]) => [
      name,
      url,
    ]),
  );
  const upstreams = manifest.services.filter((s) => !s.gateway && !s.simulator);
  for (const s of upstreams) {
    const want = `http://127.0.0.1:${s.port}`;
    if (defaults[envName(s.name)] !== want)
      problems.push(
        `${configFile(gateway.name)}: API_${envName(s.name)}_URL must default to ${want}`,
      );
  }
  for (const name of Object.keys(defaults))
    if (!upstreams.some((s) => envName(s.name) === name))
      problems.push(
        `${configFile(gateway.name)}: API_${name}_URL names no service of tools/services.json`,
      );
  return problems;
}

/**
 * Every check; returns the problems found (empty: all good).
 * @param {{ composeFile: string, k8sDir: string, dockerfile: string,
 *   log?: (message: string) => void }} options
 */
export function checkDeployment({ composeFile, k8sDir, dockerfile, log = () => undefined }) {
  const config = configOf();
  const problems = [];
  problems.push(...checkDockerfile(readFileSync(dockerfile, 'utf8')));
  problems.push(...checkAppDefaults());
  try {
    problems.push(...checkCompose(loadCompose(composeFile, log), config));
    problems.push(...checkRequiredVariables(readFileSync(composeFile, 'utf8')));
    problems.push(...checkKafkaUsers(readFileSync(join(repoRoot, KAFKA_START), 'utf8')));
  } catch (err) {
    problems.push(messageOf(err));
  }
  try {
    const rendered = renderOverlays(k8sDir, log);
    const yaml = requireFromRoot('js-yaml');
    for (const [overlay, text] of Object.entries(rendered))
      problems.push(...checkManifests(overlay, yaml.loadAll(text), config));
    problems.push(...kubeconform(rendered, log));
  } catch (err) {
    problems.push(messageOf(err));
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? resolve(args[at + 1]) : fallback;
  };
  const composeFile = option('compose', join(repoRoot, 'docker-compose.yml'));
  const k8sDir = option('k8s', join(repoRoot, 'deploy/k8s'));
  const dockerfile = option('dockerfile', join(repoRoot, 'Dockerfile'));
  const problems = checkDeployment({
    composeFile,
    k8sDir,
    dockerfile,
    log: (m) => console.log(`[deploy-check] ${m}`),
  });
  for (const problem of problems) console.error(`[deploy-check] ${problem}`);
  console.log(
    problems.length === 0
      ? '[deploy-check] Dockerfile, docker-compose.yml and deploy/k8s overlays: valid and wired by name'
      : `[deploy-check] ${problems.length} problem(s)`,
  );
  process.exit(problems.length === 0 ? 0 : 1);
}

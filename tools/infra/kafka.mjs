// Apache Kafka in KRaft mode as one local process, from the official jars on Maven Central.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { cacheDir, repoRoot, versions } from './paths.mjs';
import { kafkaClients } from './manifest.mjs';
import { freePort, waitForPort } from './ports.mjs';
import { run, startGuarded, onPath } from './processes.mjs';

const pom = join(repoRoot, 'tools/infra/kafka/pom.xml');

/** Java 17+ and Maven are what a local broker needs; returns what is missing, if anything. */
export function kafkaPrerequisites() {
  const missing = [];
  const java = run('java', ['-version']);
  const major = Number(/version "(\d+)/.exec(java.stderr + java.stdout)?.[1] ?? 0);
  if (!java.ok || major < 17) missing.push('Java 17+');
  if (!onPath('mvn')) missing.push('Maven');
  return missing;
}

/** Resolves the broker jars into the user cache once; later runs reuse them. */
export function ensureKafkaJars(/** @type {(message: string) => void} */ log) {
  const dir = cacheDir('kafka', versions.kafka);
  if (existsSync(join(dir, '.complete'))) return { dir, downloaded: false };
  log(`downloading Apache Kafka ${versions.kafka} jars with Maven into ${dir} (first run only)`);
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const result = run(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      pom,
      `-Dkafka.version=${versions.kafka}`,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${partial}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (!result.ok)
    throw new Error(
      `Maven could not resolve the Kafka jars:\n${(result.stdout + result.stderr).slice(-2000)}`,
    );
  writeFileSync(join(partial, '.complete'), new Date().toISOString());
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '..'), { recursive: true });
  renameSync(partial, dir);
  return { dir, downloaded: true };
}

function clusterId() {
  return randomBytes(16).toString('base64url');
}

/**
 * A local broker: its address, SASL mechanism and users, its process, and a restart.
 * @typedef {{ brokers: string, mechanism: string, credentials: Record<string, string>,
 *   superuser: { username: string, password: string },
 *   process: import('./processes.mjs').Guarded, restart: () => Promise<void> }} KafkaBroker
 */

/** The broker's own account, also the super user that provisions ACLs and that tests use. */
export const KAFKA_SUPERUSER = 'admin';
/** One SCRAM user per service on the bus (tools/services.json; the simulators do not use Kafka). */
export const KAFKA_SERVICE_USERS = kafkaClients();

const password = () => randomBytes(24).toString('base64url');
const jaas = (
  /** @type {string} */ module,
  /** @type {string} */ username,
  /** @type {string} */ secret,
  extra = '',
) => `${module} required username="${username}" password="${secret}"${extra};`;

/** Fresh random SCRAM passwords for the super user and every service user, per run. */
export function newKafkaCredentials() {
  return Object.fromEntries(
    [KAFKA_SUPERUSER, ...KAFKA_SERVICE_USERS].map((user) => [user, password()]),
  );
}

/**
 * The listener security every local node shares (single broker and cluster alike): SCRAM on
 * the client listener (also between brokers, as the super user), static PLAIN on the
 * controller listener, the StandardAuthorizer refusing what no ACL allows.
 */
/** @param {{ adminSecret: string, controllerSecret: string }} secrets */
export function kafkaSecurityProperties({ adminSecret, controllerSecret }) {
  return [
    'listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT',
    'sasl.enabled.mechanisms=SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
    'listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512',
    `listener.name.client.scram-sha-512.sasl.jaas.config=${jaas(
      'org.apache.kafka.common.security.scram.ScramLoginModule',
      KAFKA_SUPERUSER,
      adminSecret,
    )}`,
    'sasl.mechanism.controller.protocol=PLAIN',
    'listener.name.controller.sasl.enabled.mechanisms=PLAIN',
    `listener.name.controller.plain.sasl.jaas.config=${jaas(
      'org.apache.kafka.common.security.plain.PlainLoginModule',
      'controller',
      controllerSecret,
      ` user_controller="${controllerSecret}"`,
    )}`,
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found=false',
    `super.users=User:${KAFKA_SUPERUSER};User:controller`,
  ];
}

/**
 * The JVM arguments of a local node (heap as -Xmx takes it). The collector settings are the
 * ones Kafka's own start script gives a broker (and so the image of docker-compose.yml):
 * with G1's default pause goal of 200 ms the broker paused up to 48 ms under the benchmark's
 * load, with Kafka's 20 ms at most 44 and seldom over 25, for more of its CPU (more, smaller
 * collections). The parallel collector spent a tenth less CPU than G1 but paused for up to
 * 318 ms (docs/benchmarks.md, issue 18).
 */
export function kafkaJvm(/** @type {string} */ jars, { heap = '512m' } = {}) {
  return [
    `-Xmx${heap}`,
    '-Xms128m',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    `-Dlog4j2.configurationFile=${join(repoRoot, 'tools/infra/kafka/log4j2.yaml')}`,
    '-cp',
    `${jars}/*`,
  ];
}

/** Formats a node's log dir for the cluster id, with the SCRAM users as bootstrap credentials. */
/** @param {{ jvm: string[], props: string, clusterId?: string, credentials: Record<string, string> }} options */
export function formatKafkaStorage({ jvm, props, clusterId: id = clusterId(), credentials }) {
  const format = run(
    'java',
    [
      ...jvm,
      'kafka.tools.StorageTool',
      'format',
      `--cluster-id=${id}`,
      '--config',
      props,
      ...Object.entries(credentials).flatMap(([name, secret]) => [
        '--add-scram',
        `SCRAM-SHA-512=[name=${name},password=${secret}]`,
      ]),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (!format.ok)
    throw new Error(
      `kafka-storage format failed:\n${(format.stdout + format.stderr).slice(-2000)}`,
    );
  return id;
}

/**
 * Starts a formatted node under a guard; resolves with its process once it serves clients
 * (again on the same port and data when called again after the node stopped or died).
 * @param {{ jvm: string[], props: string, port: number, logFile: string, removeOnOrphan?: string,
 *   name?: string }} options
 */
export async function launchKafkaNode({
  jvm,
  props,
  port,
  logFile,
  removeOnOrphan,
  name = 'kafka',
}) {
  // What the log held before (counted in characters: a count of lines missed a "started"
  // line that came first after a killed node's last line).
  const before = readLog(logFile).length;
  const proc = startGuarded(name, 'java', [...jvm, 'kafka.Kafka', props], {
    logFile,
    removeOnOrphan,
  });
  await waitForPort('127.0.0.1', port, {
    proc,
    what: 'Kafka',
    timeoutMs: 90_000,
  });
  // The port opens a moment before the broker has registered with its controller.
  const deadline = Date.now() + 60_000;
  while (!readLog(logFile).slice(before).includes('Kafka Server started')) {
    if (!proc.isAlive() || Date.now() > deadline)
      throw new Error(`Kafka did not finish starting:\n${proc.tail()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return proc;
}

/**
 * Formats a fresh single-node KRaft log dir and starts the broker; resolves when it serves.
 *
 * Clients connect over SASL_PLAINTEXT with SCRAM-SHA-512 only; the users (the super user and
 * one per service, random passwords per run, never written outside the run's data directory)
 * are created at format time as KRaft bootstrap SCRAM credentials. The StandardAuthorizer
 * refuses whatever no ACL allows; the ACLs themselves come from the event catalog
 * (libs/messaging/src/topology/kafka-acls.ts, granted by provision.mjs and the test harness).
 * The controller listener (loopback, the broker talking to its own controller) uses SASL/PLAIN
 * with a static account: SCRAM is not available there, and an unauthenticated controller
 * listener would have to make ANONYMOUS a super user.
 */
/** @param {{ dataDir: string, log: (message: string) => void }} options */
export async function startKafka({ dataDir, log }) {
  const { dir: jars } = ensureKafkaJars(log);
  const [port, controllerPort] = [await freePort(), await freePort()];
  const logDir = join(dataDir, 'kafka-data');
  const props = join(dataDir, 'server.properties');
  const credentials = newKafkaCredentials();
  const controllerSecret = password();
  const adminSecret = credentials[KAFKA_SUPERUSER];
  writeFileSync(
    props,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
      `listeners=CLIENT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=CLIENT://127.0.0.1:${port}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=CLIENT',
      ...kafkaSecurityProperties({ adminSecret, controllerSecret }),
      `log.dirs=${logDir}`,
      'num.partitions=6',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=6',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'share.coordinator.state.topic.replication.factor=1',
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=true',
      'log.retention.hours=24',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  const jvm = kafkaJvm(jars);
  formatKafkaStorage({ jvm, props, credentials });
  const logFile = join(dataDir, 'kafka.log');
  const launch = () => launchKafkaNode({ jvm, props, port, logFile, removeOnOrphan: dataDir });
  /** @type {KafkaBroker} */
  const broker = {
    brokers: `127.0.0.1:${port}`,
    mechanism: 'scram-sha-512',
    /** { user: password } for the super user and every service user. */
    credentials,
    superuser: { username: KAFKA_SUPERUSER, password: adminSecret },
    process: await launch(),
    restart: async () => undefined,
  };
  /** Stops the broker and starts it again on the same port and data (chaos runs). */
  broker.restart = async () => {
    await broker.process.stop();
    broker.process = await launch();
  };
  return broker;
}

function readLog(/** @type {string} */ file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/**
 * What the run's service-env file gets from a local broker: each service's SCRAM user (its
 * name) and password, and the super user for the tools and tests that talk to Kafka
 * directly (libs/test-infra's testInfra().kafkaSuperuser), kept out of every service's
 * environment.
 */
export function kafkaServiceEnv(
  /** @type {Pick<KafkaBroker, 'credentials' | 'mechanism' | 'superuser'>} */ kafka,
) {
  const services = Object.fromEntries(
    KAFKA_SERVICE_USERS.map((user) => [
      user,
      {
        KAFKA_SASL_USERNAME: user,
        KAFKA_SASL_PASSWORD: kafka.credentials[user],
        KAFKA_SASL_MECHANISM: kafka.mechanism,
      },
    ]),
  );
  return { services, kafkaSuperuser: { mechanism: kafka.mechanism, ...kafka.superuser } };
}

/**
 * Grants the ACLs of every service for its topics without a namespace (npm start, a
 * deployment-like run) and returns them. The list is derived from the event catalog in
 * TypeScript (libs/messaging/src/topology/kafka-acls.ts), hence a small script rather than
 * a copy here. The provisioning keeps them in the service-env file (`kafkaAcls`): the test
 * harness grants a service the same rules under its test's namespace before starting it.
 */
/** @param {{ brokers: string, serviceEnvFile: string }} options */
export async function grantKafkaAcls({ brokers, serviceEnvFile }) {
  const result = await runAsync(process.execPath, [
    '-r',
    '@swc-node/register',
    join(repoRoot, 'tools/scripts/kafka-acls.ts'),
    'grant',
    '--brokers',
    brokers,
    '--service-env',
    serviceEnvFile,
  ]);
  if (!result.ok) throw new Error(`granting the Kafka ACLs failed:\n${result.output.slice(-2000)}`);
  return JSON.parse(result.stdout);
}

/** @returns {Promise<{ ok: boolean, stdout: string, output: string }>} */
function runAsync(/** @type {string} */ command, /** @type {string[]} */ args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let [stdout, output] = ['', ''];
    child.stdout.on('data', (d) => ((stdout += d), (output += d)));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ ok: false, stdout, output: String(err) }));
    child.on('exit', (code) => resolve({ ok: code === 0, stdout, output }));
  });
}

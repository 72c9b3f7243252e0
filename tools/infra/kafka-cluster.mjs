// Three Apache Kafka nodes in KRaft mode as local processes (each a broker and a voter of a
// 3-voter controller quorum), from the same jars, users and ACLs as the single broker
// (kafka.mjs): a cluster that can lose a node. Topics the services create get 3 replicas
// and need 2 in sync to take a write (acks=all), so one node may die without losing an
// acknowledged event or stopping the producers.
//
// As a module: startKafkaCluster({ dataDir, log }). As a process, for the tests (a Jest
// worker cannot import this ESM file) and by hand:
//   node tools/infra/kafka-cluster.mjs [--service-env <file>]
// prints `READY <json>` (brokers, nodes, the service-env file to use) on stdout, then reads
// commands on stdin, one a line: `kill <node>` (SIGKILL), `restart <node>`, `describe`,
// `stop`; each answered `OK <json>` or `ERR <message>`. It stops the cluster and removes its
// data when stdin closes (its owner went away) or on SIGTERM/SIGINT.
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import {
  ensureKafkaJars,
  formatKafkaStorage,
  grantKafkaAcls,
  kafkaJvm,
  kafkaPrerequisites,
  kafkaSecurityProperties,
  kafkaServiceEnv,
  KAFKA_SUPERUSER,
  launchKafkaNode,
  newKafkaCredentials,
} from './kafka.mjs';
import { runDir } from './paths.mjs';
import { freePort } from './ports.mjs';
import { writeServiceEnv } from './service-env.mjs';

const NODE_IDS = [1, 2, 3];

/**
 * The replication a deployment's cluster has: 3 copies of every partition (the topics the
 * services create take the broker defaults, libs/messaging ensureTopics), 2 in sync for a
 * write with acks=all (the outbox relay's producer) to be acknowledged; the same for the
 * consumer offsets and transaction logs. Unclean leader election stays off (the default):
 * an out-of-sync replica never becomes leader and drops acknowledged events.
 */
const REPLICATION = [
  'default.replication.factor=3',
  'min.insync.replicas=2',
  'offsets.topic.replication.factor=3',
  'offsets.topic.num.partitions=6',
  'transaction.state.log.replication.factor=3',
  'transaction.state.log.min.isr=2',
  'share.coordinator.state.topic.replication.factor=3',
  'share.coordinator.state.topic.min.isr=2',
  'unclean.leader.election.enable=false',
];

/**
 * A killed node is fenced (its partitions get new leaders) once it misses heartbeats for
 * broker.session.timeout.ms: 6 s instead of 9 s, with heartbeats every second, so that a
 * test sees the failover within its burst, yet not so short that a busy 2-core machine
 * fences a live node.
 */
const FAILOVER = ['broker.session.timeout.ms=6000', 'broker.heartbeat.interval.ms=1000'];

/**
 * One node of the cluster: its ports, files, and its process once launched.
 * @typedef {{ id: number, port: number, controllerPort: number, props: string, logFile: string,
 *   process?: import('./processes.mjs').Guarded }} ClusterNode
 */

/**
 * Starts the three nodes (in parallel) on fresh data; resolves when each serves. 384 MB of
 * heap each: one start of three at 256 MB ran out of memory while the nodes were electing.
 * @param {{ dataDir: string, log: (message: string) => void, heap?: string }} options
 */
export async function startKafkaCluster({ dataDir, log, heap = '384m' }) {
  const { dir: jars } = ensureKafkaJars(log);
  const credentials = newKafkaCredentials();
  const controllerSecret = randomBytes(24).toString('base64url');
  const adminSecret = credentials[KAFKA_SUPERUSER];
  /** @type {ClusterNode[]} */
  const nodes = [];
  for (const id of NODE_IDS)
    nodes.push({
      id,
      port: await freePort(),
      controllerPort: await freePort(),
      props: join(dataDir, `node-${id}`, 'server.properties'),
      logFile: join(dataDir, `node-${id}`, 'kafka.log'),
    });
  const voters = nodes.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(',');
  const jvm = kafkaJvm(jars, { heap });
  const clusterId = randomBytes(16).toString('base64url');
  for (const node of nodes) {
    const dir = join(dataDir, `node-${node.id}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      node.props,
      [
        'process.roles=broker,controller',
        `node.id=${node.id}`,
        `controller.quorum.voters=${voters}`,
        `listeners=CLIENT://127.0.0.1:${node.port},CONTROLLER://127.0.0.1:${node.controllerPort}`,
        `advertised.listeners=CLIENT://127.0.0.1:${node.port}`,
        'controller.listener.names=CONTROLLER',
        'inter.broker.listener.name=CLIENT',
        ...kafkaSecurityProperties({ adminSecret, controllerSecret }),
        `log.dirs=${join(dir, 'kafka-data')}`,
        'num.partitions=6',
        ...REPLICATION,
        ...FAILOVER,
        'group.initial.rebalance.delay.ms=0',
        'auto.create.topics.enable=true',
        'log.retention.hours=24',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    formatKafkaStorage({ jvm, props: node.props, clusterId, credentials });
  }
  const launch = (/** @type {ClusterNode} */ node) =>
    launchKafkaNode({
      jvm,
      props: node.props,
      port: node.port,
      logFile: node.logFile,
      removeOnOrphan: dataDir,
      name: `kafka-${node.id}`,
    });
  const stop = () =>
    Promise.all(
      nodes.map((n) =>
        n.process?.isAlive() ? n.process.stop().catch(() => undefined) : undefined,
      ),
    );
  try {
    // A node registers only once a majority of the voters runs: all three start together.
    await Promise.all(
      nodes.map(async (n) => {
        n.process = await launch(n);
      }),
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    brokers: nodes.map((n) => `127.0.0.1:${n.port}`).join(','),
    mechanism: 'scram-sha-512',
    credentials,
    superuser: { username: KAFKA_SUPERUSER, password: adminSecret },
    nodes,
    /** SIGKILL the node's JVM (not its guard): a crash, no controlled shutdown. */
    async kill(/** @type {string | number} */ id) {
      const node = nodeOf(nodes, id);
      const pid = node.process?.pid && javaPid(node.process.pid);
      if (pid) process.kill(pid, 'SIGKILL');
      const deadline = Date.now() + 15_000;
      while (node.process?.isAlive() && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
    },
    /** Starts a stopped or killed node again on its port and data; it catches up as a follower. */
    async restart(/** @type {string | number} */ id) {
      const node = nodeOf(nodes, id);
      if (node.process?.isAlive()) await node.process.stop();
      node.process = await launch(node);
    },
    stop,
  };
}

/**
 * @param {ClusterNode[]} nodes
 * @param {string | number} id
 */
function nodeOf(nodes, id) {
  const node = nodes.find((n) => n.id === Number(id));
  if (!node) throw new Error(`no Kafka node ${id} (nodes ${NODE_IDS.join(', ')})`);
  return node;
}

/** The JVM the guard runs (its only child). */
function javaPid(/** @type {number} */ guardPid) {
  try {
    const children = readFileSync(`/proc/${guardPid}/task/${guardPid}/children`, 'utf8');
    return Number(children.trim().split(/\s+/)[0]) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The run's service-env file for the cluster: the given one (event keys, webhook secrets,
 * identity clients) with every service's Kafka user and password, the super user and the
 * ACLs (granted now, on the cluster) of this cluster instead of the single broker's.
 */
/**
 * @param {KafkaCluster} cluster
 * @param {string} dataDir
 * @param {string | undefined} baseFile
 */
async function clusterServiceEnv(cluster, dataDir, baseFile) {
  const base = baseFile ? JSON.parse(readFileSync(baseFile, 'utf8')) : { common: {}, services: {} };
  const kafkaEnv = kafkaServiceEnv(cluster);
  const services = { ...base.services };
  for (const [name, env] of Object.entries(kafkaEnv.services))
    services[name] = { ...services[name], ...env };
  const serviceEnv = { ...base, services, kafkaSuperuser: kafkaEnv.kafkaSuperuser };
  delete serviceEnv.kafkaAcls;
  const file = writeServiceEnv(dataDir, serviceEnv);
  serviceEnv.kafkaAcls = await grantKafkaAcls({ brokers: cluster.brokers, serviceEnvFile: file });
  writeServiceEnv(dataDir, serviceEnv);
  return file;
}

/** @typedef {Awaited<ReturnType<typeof startKafkaCluster>>} KafkaCluster */

const describe = (/** @type {KafkaCluster} */ cluster) => ({
  brokers: cluster.brokers,
  nodes: cluster.nodes.map((n) => ({
    id: n.id,
    broker: `127.0.0.1:${n.port}`,
    alive: n.process?.isAlive() ?? false,
    logFile: n.logFile,
  })),
});

async function main() {
  const log = (/** @type {string} */ m) => process.stderr.write(`[kafka-cluster] ${m}\n`);
  const missing = kafkaPrerequisites();
  if (missing.length > 0) throw new Error(`a local Kafka cluster needs ${missing.join(' and ')}`);
  const at = process.argv.indexOf('--service-env');
  const baseFile = at >= 0 ? process.argv[at + 1] : undefined;
  const dataDir = runDir('kafka-cluster');
  /** @type {KafkaCluster | undefined} */
  let cluster;
  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = (/** @type {number} */ code) =>
    (stopping ??= (async () => {
      await cluster?.stop();
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(code);
    })());
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  const input = createInterface({ input: process.stdin });
  // Commands are answered in order, the first once the cluster is up.
  let queue = (async () => {
    const from = Date.now();
    cluster = await startKafkaCluster({ dataDir, log });
    const serviceEnvFile = await clusterServiceEnv(cluster, dataDir, baseFile);
    log(`3 nodes at ${cluster.brokers} in ${((Date.now() - from) / 1000).toFixed(1)} s`);
    process.stdout.write(`READY ${JSON.stringify({ ...describe(cluster), serviceEnvFile })}\n`);
  })().catch(async (err) => {
    log(err instanceof Error ? err.message : String(err));
    await stop(1);
  });
  input.on('line', (line) => {
    const [command, arg] = line.trim().split(/\s+/);
    queue = queue.then(async () => {
      try {
        if (!cluster) throw new Error('the cluster did not start');
        if (command === 'kill') await cluster.kill(arg);
        else if (command === 'restart') await cluster.restart(arg);
        else if (command === 'stop') {
          process.stdout.write(`OK ${JSON.stringify(describe(cluster))}\n`);
          await stop(0);
          return;
        } else if (command !== 'describe') throw new Error(`unknown command ${command}`);
        process.stdout.write(`OK ${JSON.stringify(describe(cluster))}\n`);
      } catch (err) {
        process.stdout.write(`ERR ${err instanceof Error ? err.message : String(err)}\n`);
      }
    });
  });
  // The owner went away (its end of the pipe closed): nothing is left behind, once the
  // commands it sent are done.
  input.on('close', () => void queue.then(() => stop(0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

// Apache Kafka in KRaft mode as one local process, from the official jars on Maven Central.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { cacheDir, repoRoot, versions } from './paths.mjs';
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
export function ensureKafkaJars(log) {
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

/** Formats a fresh single-node KRaft log dir and starts the broker; resolves when it serves. */
export async function startKafka({ dataDir, log }) {
  const { dir: jars } = ensureKafkaJars(log);
  const [port, controllerPort] = [await freePort(), await freePort()];
  const logDir = join(dataDir, 'kafka-data');
  const props = join(dataDir, 'server.properties');
  writeFileSync(
    props,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      'controller.listener.names=CONTROLLER',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
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
  );
  const classpath = `${jars}/*`;
  const jvm = [
    '-Xmx512m',
    '-Xms128m',
    '-XX:+UseG1GC',
    `-Dlog4j2.configurationFile=${join(repoRoot, 'tools/infra/kafka/log4j2.yaml')}`,
    '-cp',
    classpath,
  ];
  const format = run(
    'java',
    [...jvm, 'kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId()}`, '--config', props],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (!format.ok)
    throw new Error(
      `kafka-storage format failed:\n${(format.stdout + format.stderr).slice(-2000)}`,
    );
  const logFile = join(dataDir, 'kafka.log');
  const launch = async () => {
    const startedLines = readLines(logFile);
    const proc = startGuarded('kafka', 'java', [...jvm, 'kafka.Kafka', props], {
      logFile,
      removeOnOrphan: dataDir,
    });
    await waitForPort('127.0.0.1', port, {
      proc,
      what: 'Kafka',
      timeoutMs: 90_000,
    });
    // The port opens a moment before the broker has registered with its controller.
    const deadline = Date.now() + 60_000;
    while (
      !readLines(logFile)
        .slice(startedLines.length)
        .some((l) => l.includes('Kafka Server started'))
    ) {
      if (!proc.isAlive() || Date.now() > deadline)
        throw new Error(`Kafka did not finish starting:\n${proc.tail()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return proc;
  };
  const broker = { brokers: `127.0.0.1:${port}`, process: await launch() };
  /** Stops the broker and starts it again on the same port and data (chaos runs). */
  broker.restart = async () => {
    await broker.process.stop();
    broker.process = await launch();
  };
  return broker;
}

function readLines(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
}

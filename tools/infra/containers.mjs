// The Docker path for tests and scripts: Kafka (KRaft) and MongoDB as throw-away containers
// through testcontainers. Its reaper removes them even if this process is killed.
// Not exercised on the development machine (it has no Docker engine): see README.
import { versions } from './paths.mjs';
import { freePort } from './ports.mjs';

/** @param {{ log?: (message: string) => void }} [options] */
export async function provisionContainers({ log = (m) => console.log(`[infra] ${m}`) } = {}) {
  const started = Date.now();
  const { GenericContainer, Wait } = await import('testcontainers');
  const port = await freePort();
  // Kafka advertises the address clients use, so the host port is fixed to the container port.
  const kafka = await new GenericContainer(versions.dockerImages.kafka)
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://:${port},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${port}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_NUM_PARTITIONS: '6',
      KAFKA_HEAP_OPTS: '-Xmx512m -Xms128m',
    })
    .withExposedPorts({ container: port, host: port })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  const mongo = await new GenericContainer(versions.dockerImages.mongo)
    .withExposedPorts(27017)
    .withWaitStrategy(Wait.forListeningPorts())
    .start();
  const kafkaBrokers = `127.0.0.1:${port}`;
  const mongoUrl = `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}`;
  const seconds = (Date.now() - started) / 1000;
  log(
    `Kafka container at ${kafkaBrokers}, MongoDB container at ${mongoUrl}; ready in ${seconds.toFixed(1)} s`,
  );
  return {
    kafkaBrokers,
    mongoUrl,
    // What the tests and scripts take into their environment, as from provisionLocal (the
    // type check found it missing: npm test on this path passed them no broker or database).
    // No identity provider or service-env file here: see README, the Docker path.
    /** @type {Record<string, string | undefined>} */
    env: { KAFKA_BROKERS: kafkaBrokers, MONGO_URL: mongoUrl },
    seconds,
    downloaded: false,
    restartKafka: async () => {
      await kafka.restart();
    },
    stop: async () => {
      await Promise.allSettled([kafka.stop(), mongo.stop()]);
    },
  };
}

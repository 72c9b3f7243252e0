// One tool that gives every script (start, test, demo, bench, chaos) a Kafka broker and a
// MongoDB-wire database, in this order of preference:
//   1. KAFKA_BROKERS / MONGO_URL from the environment: use them, start nothing;
//   2. a Docker engine: containers (the caller decides how: compose or testcontainers);
//   3. local processes: Kafka from the Maven Central jars, mongod or FerretDB.
// Keycloak (the identity provider) follows the same rule with OIDC_ISSUER_URL.
// The agency simulators (stand-ins for other agencies' systems) get a database server of
// their own (SIMULATORS_MONGO_URL), so that what they store is not counted as our
// database's work (issue 18); with MONGO_URL from the environment they use
// SIMULATORS_MONGO_URL if given, else the same server.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { canConnect } from './ports.mjs';
import { dockerAvailable } from './docker.mjs';
import {
  kafkaPrerequisites,
  startKafka,
  ensureKafkaJars,
  grantKafkaAcls,
  kafkaServiceEnv,
} from './kafka.mjs';
import { mongoPrerequisites, startMongo, ensureFerretDb } from './mongo.mjs';
import { runDir } from './paths.mjs';
import { onPath } from './processes.mjs';
import {
  auditClientEnv,
  constructionClientEnv,
  landRegistryClientEnv,
  startKeycloak,
} from './keycloak.mjs';
import { buildServiceEnv, SERVICE_ENV_VARIABLE, writeServiceEnv } from './service-env.mjs';
import { ensureJaeger, startJaeger } from './jaeger.mjs';
import { messageOf } from './errors.mjs';

export class ProvisionError extends Error {}

function hostPort(/** @type {string} */ address, /** @type {number} */ defaultPort) {
  const clean = address
    .replace(/^[a-z+]+:\/\//, '')
    .replace(/^[^@]*@/, '')
    .split(/[/?,]/)[0];
  const [host, port] = clean.split(':');
  return { host, port: Number(port || defaultPort) };
}

async function checkReachable(
  /** @type {string} */ what,
  /** @type {string} */ variable,
  /** @type {string} */ value,
  /** @type {number} */ defaultPort,
) {
  const first = variable === 'KAFKA_BROKERS' ? value.split(',')[0] : value;
  const { host, port } = hostPort(first, defaultPort);
  if (!(await canConnect(host, port, 3000))) {
    throw new ProvisionError(
      `Cannot reach ${what} at ${value} (from ${variable}): nothing accepts connections on ${host}:${port}. ` +
        `Start that server, or unset ${variable} to let this script run a local one.`,
    );
  }
}

/** What would be used, without starting anything: 'env' | 'docker' | 'local'. */
export function provisioningMode() {
  if (process.env.KAFKA_BROKERS && process.env.MONGO_URL) return 'env';
  if (dockerAvailable()) return 'docker';
  return 'local';
}

/**
 * Provisions what is not given by the environment as local processes.
 * Returns { kafkaBrokers, mongoUrl, describe, seconds, stop }.
 */
/**
 * `keycloakPort`: where to run Keycloak (npm start keeps it fixed so that its login URL
 * does not change between runs; tests take any free port). `tracing`: also run Jaeger and
 * send the services' traces there (npm start), unless OTEL_EXPORTER_OTLP_ENDPOINT names a
 * collector already; otherwise Jaeger is only built, once, for the tracing test to start.
 */
/**
 * @param {{ log?: (message: string) => void, keycloakPort?: number, tracing?: boolean }} [options]
 */
export async function provisionLocal({
  log = (m) => console.log(`[infra] ${m}`),
  keycloakPort,
  tracing = false,
} = {}) {
  const started = Date.now();
  /** @type {(() => Promise<unknown>)[]} */
  const stops = [];
  const described = [];
  /** @type {string | undefined} */
  let dataDir;
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
    stops.length = 0;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    let restartKafka;
    let kafkaBrokers = process.env.KAFKA_BROKERS;
    let mongoUrl = process.env.MONGO_URL;
    let simulatorsMongoUrl = process.env.SIMULATORS_MONGO_URL;
    let oidcIssuerUrl = process.env.OIDC_ISSUER_URL;
    if (kafkaBrokers) {
      await checkReachable('Kafka', 'KAFKA_BROKERS', kafkaBrokers, 9092);
      described.push(`Kafka from KAFKA_BROKERS (${kafkaBrokers})`);
    }
    if (mongoUrl) {
      await checkReachable('MongoDB', 'MONGO_URL', mongoUrl, 27017);
      described.push(`database from MONGO_URL (${mongoUrl})`);
      if (simulatorsMongoUrl) {
        await checkReachable(
          "the simulators' MongoDB",
          'SIMULATORS_MONGO_URL',
          simulatorsMongoUrl,
          27017,
        );
        described.push(`simulators' database from SIMULATORS_MONGO_URL (${simulatorsMongoUrl})`);
      } else simulatorsMongoUrl = mongoUrl;
    }
    if (oidcIssuerUrl) {
      await checkReachable('the identity provider', 'OIDC_ISSUER_URL', oidcIssuerUrl, 443);
      described.push(`identity provider from OIDC_ISSUER_URL (${oidcIssuerUrl})`);
    }
    const missing = [
      ...(kafkaBrokers ? [] : kafkaPrerequisites()),
      ...(mongoUrl ? [] : mongoPrerequisites()),
    ];
    if (missing.length > 0) {
      throw new ProvisionError(
        `Cannot start Kafka and MongoDB locally: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing ` +
          `(a local run needs Java 17+ and Maven for Kafka, and mongod or Go for the database, or else a Docker engine). ` +
          `Install ${missing.join(' and ')}, or point at existing servers: KAFKA_BROKERS=host:9092 MONGO_URL=mongodb://host:27017 npm start`,
      );
    }
    let downloaded = false;
    if (!kafkaBrokers) downloaded = ensureKafkaJars(log).downloaded || downloaded;
    if (!mongoUrl && !onPath('mongod')) downloaded = ensureFerretDb(log).downloaded || downloaded;
    // Traces are not needed to run: Jaeger failing to build or start is said, not fatal.
    let otlpEndpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    let jaegerBuilt = false;
    if (otlpEndpoint) described.push(`traces to OTEL_EXPORTER_OTLP_ENDPOINT (${otlpEndpoint})`);
    else if (onPath('go')) {
      try {
        downloaded = ensureJaeger(log).built || downloaded;
        jaegerBuilt = true;
      } catch (err) {
        log(`Jaeger could not be built; no traces are kept: ${messageOf(err).split('\n')[0]}`);
      }
    }
    dataDir = runDir('infra');
    const [kafka, mongo, simulatorsMongo, keycloak, jaeger] = await Promise.all([
      kafkaBrokers ? null : startKafka({ dataDir, log }),
      mongoUrl ? null : startMongo({ dataDir, log }),
      // The same kind of server as ours, on its own (about 0.8 s for FerretDB on PostgreSQL,
      // while Kafka starts).
      mongoUrl ? null : startMongo({ dataDir: join(dataDir, 'simulators'), log }),
      oidcIssuerUrl ? null : startKeycloak({ dataDir, log, port: keycloakPort }),
      tracing && jaegerBuilt
        ? startJaeger({ dataDir, log }).catch((err) => {
            log(`Jaeger did not start; no traces are kept: ${err.message.split('\n')[0]}`);
            return null;
          })
        : null,
    ]);
    if (kafka) {
      stops.push(() => kafka.process.stop());
      restartKafka = () => kafka.restart();
      kafkaBrokers = kafka.brokers;
      described.push(`Kafka (KRaft) at ${kafkaBrokers}`);
    }
    if (mongo) {
      stops.push(() => mongo.process.stop());
      mongoUrl = mongo.url;
      described.push(`${mongo.kind} at ${mongoUrl}`);
    }
    if (simulatorsMongo) {
      stops.push(() => simulatorsMongo.process.stop());
      simulatorsMongoUrl = simulatorsMongo.url;
      described.push(`the simulators' ${simulatorsMongo.kind} at ${simulatorsMongoUrl}`);
    }
    if (jaeger) {
      stops.push(() => jaeger.process.stop());
      otlpEndpoint = jaeger.otlpEndpoint;
      described.push(`Jaeger at ${jaeger.uiUrl}`);
    }
    if (keycloak) {
      stops.push(() => keycloak.process.stop());
      oidcIssuerUrl = keycloak.issuer;
      described.push(`Keycloak at ${oidcIssuerUrl}`);
    }
    // A local broker authenticates every client (SASL/SCRAM): each service gets its user
    // and password, the tests and tools the super user (kafka.mjs); a broker from
    // KAFKA_BROKERS gets none of this and is used as it is.
    const kafkaEnv = kafka ? kafkaServiceEnv(kafka) : undefined;
    const services = { ...kafkaEnv?.services };
    // The land registry reads Keycloak's failed logins into its audit log, with the
    // development realm's audit client (its secret lives in the realm file only).
    // It also reads message statuses from the notification service with its own client.
    if (keycloak)
      services['land-registry'] = {
        ...services['land-registry'],
        ...auditClientEnv(),
        ...landRegistryClientEnv(),
      };
    // The construction service asks the land registry with the realm's construction client.
    if (keycloak) services.construction = { ...services.construction, ...constructionClientEnv() };
    /** @type {Record<string, string>} */
    const common = jaeger && otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint } : {};
    // Every server from an earlier provisioning (`npm run infra` prints KAFKA_BROKERS,
    // MONGO_URL, OIDC_ISSUER_URL and LIEN_THONG_SERVICE_ENV): its service environment holds
    // the services' Kafka users, keys and clients, which one made here would lack (the
    // services of `npm run infra` then `npm run bench` could not log in to the broker).
    const given = process.env[SERVICE_ENV_VARIABLE];
    const reuse = !kafka && !mongo && !keycloak && given !== undefined && existsSync(given);
    /** @type {import('./service-env.mjs').ServiceEnv} */
    const serviceEnv = reuse
      ? JSON.parse(readFileSync(given, 'utf8'))
      : buildServiceEnv({ oidcIssuerUrl, extra: { services, common } });
    if (reuse) described.push(`service environment from ${SERVICE_ENV_VARIABLE}`);
    if (kafkaEnv) serviceEnv.kafkaSuperuser = kafkaEnv.kafkaSuperuser;
    const serviceEnvFile = reuse && given ? given : writeServiceEnv(dataDir, serviceEnv);
    if (kafka) {
      serviceEnv.kafkaAcls = await grantKafkaAcls({ brokers: kafka.brokers, serviceEnvFile });
      writeServiceEnv(dataDir, serviceEnv);
    }
    const seconds = (Date.now() - started) / 1000;
    log(
      `${described.join(', ')}; ready in ${seconds.toFixed(1)} s${downloaded ? '' : ' (nothing downloaded)'}`,
    );
    if (dataDir) log(`data and logs in ${dataDir}`);
    return {
      kafkaBrokers,
      mongoUrl,
      /** The agency simulators' database server (mongoUrl when MONGO_URL came alone). */
      simulatorsMongoUrl,
      oidcIssuerUrl,
      /** Jaeger's UI and query API, when it was started (`tracing`). */
      tracesUrl: jaeger?.uiUrl,
      serviceEnv,
      serviceEnvFile,
      /** What a process that starts services (a test run, a script) needs in its environment. */
      env: {
        KAFKA_BROKERS: kafkaBrokers,
        MONGO_URL: mongoUrl,
        SIMULATORS_MONGO_URL: simulatorsMongoUrl,
        OIDC_ISSUER_URL: oidcIssuerUrl,
        [SERVICE_ENV_VARIABLE]: serviceEnvFile,
      },
      dataDir,
      seconds,
      downloaded,
      stop,
      restartKafka,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * For tests and scripts: servers from the environment if given, otherwise containers where
 * a Docker engine answers, otherwise local processes.
 */
export async function provision(options = {}) {
  if (provisioningMode() === 'docker' && !process.env.KAFKA_BROKERS && !process.env.MONGO_URL) {
    const { provisionContainers } = await import('./containers.mjs');
    return provisionContainers(options);
  }
  return provisionLocal(options);
}

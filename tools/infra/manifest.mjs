// The manifest of services (tools/services.json): the one list of the processes liên thông
// runs, with their default ports, probes, what each one uses, and the Node flags they all
// share. Plain JSON read with node:fs (no import attribute, no package): npm start reads it
// before npm install, on whatever Node the machine has (tools/infra/node24.mjs).
//
// Read by npm start and the command-line tools (tools/cli/services.mjs), the event keys and
// Kafka users they provision (tools/infra/service-env.mjs, kafka.mjs, tools/deploy), the
// deployment check (tools/checks/deploy.mjs: docker-compose.yml, deploy/k8s, the Dockerfile
// and each app's default port must agree with it), the tests' harness (libs/testing) and the
// Nx serve targets (tools/cli/serve.mjs). Apps never read it: an image has no tools/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

/**
 * @typedef {object} ServiceEntry
 * @property {string} name the app under apps/ (and its image's SERVICE, its Kubernetes name)
 * @property {number} port the default port (PORT inside the process; npm start's
 *   <NAME>_PORT, or `portVariable`, overrides it)
 * @property {string} [portVariable] the variable npm start reads the port from, when not <NAME>_PORT
 * @property {boolean} kafkaConsumer a member of a consumer group (replicas bounded by partitions)
 * @property {boolean} eventProducer signs the events it publishes (a key pair of its own)
 * @property {boolean} database owns a MongoDB database (MONGO_URL)
 * @property {boolean} [simulator] development and tests only (compose profile dev, k8s overlay dev)
 * @property {boolean} [gateway] the web gateway: the console, the portal and /api/<service>/
 * @property {number} color npm start's ANSI colour for the service's log lines
 */

/**
 * @typedef {object} Manifest
 * @property {string[]} nodeFlags every service's Node flags (explained in tools/cli/services.mjs)
 * @property {Record<string, string>} processEnv variables every service's process starts with
 *   unless the environment sets them (explained in tools/cli/services.mjs)
 * @property {{ live: string, ready: string, start: string }} health the probes' paths: liveness,
 *   readiness, and what npm start and the harness wait for
 * @property {ServiceEntry[]} services
 */

export const MANIFEST_FILE = join(repoRoot, 'tools', 'services.json');

/** @returns {Manifest} */
export function readManifest(file = MANIFEST_FILE) {
  const manifest = /** @type {Manifest} */ (JSON.parse(readFileSync(file, 'utf8')));
  const problems = manifestProblems(manifest);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return manifest;
}

/** What is wrong with a manifest (nothing: an empty list). */
export function manifestProblems(/** @type {Manifest} */ manifest) {
  const problems = [];
  const names = new Set();
  const ports = new Set();
  for (const s of manifest.services ?? []) {
    if (!/^[a-z][a-z-]*$/.test(s.name)) problems.push(`bad service name ${s.name}`);
    if (names.has(s.name)) problems.push(`${s.name} twice`);
    if (!Number.isInteger(s.port) || s.port < 1 || s.port > 65535)
      problems.push(`${s.name}: port ${s.port} is no TCP port`);
    if (ports.has(s.port)) problems.push(`${s.name}: port ${s.port} taken twice`);
    for (const flag of ['kafkaConsumer', 'eventProducer', 'database'])
      if (typeof s[/** @type {'database'} */ (flag)] !== 'boolean')
        problems.push(`${s.name}: ${flag} must be true or false`);
    names.add(s.name);
    ports.add(s.port);
  }
  if ((manifest.services ?? []).filter((s) => s.gateway).length !== 1)
    problems.push('exactly one service is the gateway');
  if (!Array.isArray(manifest.nodeFlags)) problems.push('nodeFlags must be a list');
  const env = manifest.processEnv;
  if (
    typeof env !== 'object' ||
    env === null ||
    Object.values(env).some((value) => typeof value !== 'string')
  )
    problems.push('processEnv must map variable names to strings');
  return problems;
}

export const manifest = readManifest();

/** The variable a service's port is read from by npm start: <NAME>_PORT unless it names one. */
export function portVariable(/** @type {ServiceEntry} */ service) {
  return service.portVariable ?? `${envName(service.name)}_PORT`;
}

/** land-registry → LAND_REGISTRY (the prefix of a service's variables). */
export function envName(/** @type {string} */ name) {
  return name.toUpperCase().replace(/-/g, '_');
}

/** The names of the services that sign events. */
export const eventProducers = () =>
  manifest.services.filter((s) => s.eventProducer).map((s) => s.name);

/** The services on the bus (each a Kafka user with its own ACLs): producers and consumers. */
export const kafkaClients = () =>
  manifest.services.filter((s) => s.eventProducer || s.kafkaConsumer).map((s) => s.name);

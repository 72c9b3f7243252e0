import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface, Interface } from 'node:readline';

const repoRoot = join(__dirname, '../../..');

export interface KafkaClusterNode {
  /** The node's id (also its broker id in the cluster's metadata). */
  id: number;
  broker: string;
  alive: boolean;
  logFile: string;
}

/** Starts of the cluster tried when one exits before serving (a port taken meanwhile). */
const START_ATTEMPTS = 3;

/** Three local KRaft nodes (tools/infra/kafka-cluster.mjs) that a test can kill and restart. */
export interface LocalKafkaCluster {
  brokers: string;
  nodes: KafkaClusterNode[];
  /**
   * What points testInfra(), and every service a test then starts, at the cluster: its
   * brokers and a service-env file with the cluster's users, super user and ACLs.
   */
  env: { KAFKA_BROKERS: string; LIEN_THONG_SERVICE_ENV: string };
  /** SIGKILL one node's JVM; resolves once it is gone. */
  kill(node: number): Promise<KafkaClusterNode[]>;
  /** Starts a killed node again on its port and data; resolves once it serves. */
  restart(node: number): Promise<KafkaClusterNode[]>;
  /** Stops every node and removes the cluster's data. */
  stop(): Promise<void>;
}

/**
 * Starts the cluster as a child process (an ESM tool a Jest worker cannot import) and talks
 * to it over stdin/stdout, one command a line. The child stops the nodes and removes their
 * data when this process goes away (its stdin closes), and the nodes' guards do if the child
 * itself dies. `serviceEnvFile` is the run's file whose other settings the services keep.
 */
export async function startLocalKafkaCluster(
  options: { serviceEnvFile?: string; log?: (line: string) => void; timeoutMs?: number } = {},
  attempt = 1,
): Promise<LocalKafkaCluster> {
  const serviceEnvFile = options.serviceEnvFile ?? process.env.LIEN_THONG_SERVICE_ENV;
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'tools/infra/kafka-cluster.mjs'),
      ...(serviceEnvFile ? ['--service-env', serviceEnvFile] : []),
    ],
    { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const log = options.log ?? (() => undefined);
  createInterface({ input: child.stderr }).on('line', log);
  const lines = new Replies(createInterface({ input: child.stdout }), child);
  const ready = await lines.next(options.timeoutMs ?? 150_000);
  if (!ready.startsWith('READY ')) {
    child.kill('SIGTERM');
    // The nodes' ports are free when chosen, but an outgoing connection of another process
    // may take one before its JVM binds it ("Address already in use", seen once in the
    // whole suite): a new start chooses new ports.
    if (attempt < START_ATTEMPTS && ready.includes('exited')) {
      log(`[kafka-cluster] did not start (${ready}); starting again`);
      return startLocalKafkaCluster(options, attempt + 1);
    }
    throw new Error(`the Kafka cluster did not start: ${ready}`);
  }
  const started = JSON.parse(ready.slice('READY '.length)) as {
    brokers: string;
    nodes: KafkaClusterNode[];
    serviceEnvFile: string;
  };
  let queue: Promise<unknown> = Promise.resolve();
  const command = (line: string, timeoutMs = 120_000) => {
    const answer = queue.then(async () => {
      child.stdin.write(`${line}\n`);
      const reply = await lines.next(timeoutMs);
      if (!reply.startsWith('OK ')) throw new Error(`Kafka cluster: ${line}: ${reply}`);
      const { nodes } = JSON.parse(reply.slice(3)) as { nodes: KafkaClusterNode[] };
      cluster.nodes = nodes;
      return nodes;
    });
    queue = answer.catch(() => undefined);
    return answer;
  };
  const cluster: LocalKafkaCluster = {
    brokers: started.brokers,
    nodes: started.nodes,
    env: { KAFKA_BROKERS: started.brokers, LIEN_THONG_SERVICE_ENV: started.serviceEnvFile },
    kill: (node) => command(`kill ${node}`),
    restart: (node) => command(`restart ${node}`),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
    },
  };
  return cluster;
}

/** The child's stdout, a line at a time, for one waiting command at a time. */
class Replies {
  private readonly buffered: string[] = [];
  private waiting?: (line: string) => void;

  constructor(input: Interface, child: ChildProcess) {
    input.on('line', (line) => {
      if (this.waiting) this.waiting(line);
      else this.buffered.push(line);
    });
    child.on('exit', (code) => this.waiting?.(`ERR the cluster process exited (${code})`));
  }

  next(timeoutMs: number): Promise<string> {
    const line = this.buffered.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(`ERR no answer within ${timeoutMs / 1000} s`), timeoutMs);
      const done = (answer: string) => {
        clearTimeout(timer);
        this.waiting = undefined;
        resolve(answer);
      };
      this.waiting = done;
    });
  }
}

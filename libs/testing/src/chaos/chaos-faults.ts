import type { Stack, StackService } from '../stack';
import type { FaultAction } from './chaos-plan';
import { PoisonEvent, poisonBatch, publishPoison } from './chaos-poison';
import { asOperator, request, requestUntilAnswered } from './chaos-http';
import { busiestLeader, KafkaNodeControl, LeaderKill } from './chaos-cluster';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Does what the plan says to the running stack: agency faults through the simulators'
 * admin API, crashes and graceful restarts of services, a broker restart through the
 * infrastructure's control endpoint, raw poison on the bus. Restarts of one service never
 * overlap, and a start that fails (Kafka still down, say) is tried again, as an
 * orchestrator's restart policy would.
 */
export class FaultInjector {
  readonly poison: PoisonEvent[] = [];
  kafkaRestarted = false;
  /** The cluster node killed as the partitions' leader (a cluster run). */
  leaderKilled?: LeaderKill;
  private readonly lanes = new Map<StackService, Promise<unknown>>();
  /** Crashes and restarts so far per service: with two instances they take turns. */
  private readonly hits = new Map<StackService, number>();

  constructor(
    private readonly stack: Stack,
    private readonly runId: string,
    private readonly note: (line: string) => void,
    private readonly cluster?: KafkaNodeControl,
  ) {}

  /** Applies one action; answers what happened, in a few words. */
  async apply(action: FaultAction): Promise<string> {
    const sim = this.stack.url['agency-simulators'];
    switch (action.kind) {
      case 'agency':
      case 'heal': {
        const settings = action.kind === 'agency' ? action.settings : {};
        await requestUntilAnswered(
          'PUT',
          `${sim}/admin/faults/${action.agency}`,
          settings,
          await asOperator(),
        );
        return 'set';
      }
      case 'crash': {
        const i = this.nextInstance(action.service);
        return this.restart(action.service, i, 'killed and back up', () =>
          this.stack.crash(action.service, i),
        );
      }
      case 'sigterm': {
        const i = this.nextInstance(action.service);
        return this.restart(action.service, i, 'stopped gracefully and back up', () =>
          this.stack.restart(action.service, i),
        );
      }
      case 'kafka-restart':
        return this.restartKafka();
      case 'kafka-kill-leader':
      case 'kafka-restart-killed':
        return this.clusterNode(action.kind);
      case 'poison': {
        const batch = poisonBatch(this.runId, action.batch);
        await publishPoison(this.stack.namespace, batch);
        this.poison.push(...batch);
        return `${batch.length} published`;
      }
    }
  }

  /**
   * The instance a fault hits: the only one, or with several the second first (the first
   * answers the run's HTTP calls: the other keeps the service going), then in turn.
   */
  private nextInstance(service: StackService): number {
    const n = this.hits.get(service) ?? 0;
    this.hits.set(service, n + 1);
    const instances = this.stack.replicas.get(service)?.length ?? 1;
    return (n + 1) % instances;
  }

  private restart(
    service: StackService,
    instance: number,
    what: string,
    first: () => Promise<void>,
  ) {
    const of =
      (this.stack.replicas.get(service)?.length ?? 1) > 1 ? ` (instance ${instance + 1})` : '';
    const run = async () => {
      const from = Date.now();
      for (let attempt = 1; ; attempt++) {
        try {
          await (attempt === 1 ? first() : this.stack.restart(service, instance));
          return `${what}${of} in ${((Date.now() - from) / 1000).toFixed(1)} s`;
        } catch (err) {
          if (attempt >= 20) throw err;
          const why = err instanceof Error ? err.message : String(err);
          this.note(`  ${service} did not start (${why}); starting it again`);
          await sleep(2_000);
        }
      }
    };
    const next = (this.lanes.get(service) ?? Promise.resolve()).catch(() => undefined).then(run);
    this.lanes.set(service, next);
    return next;
  }

  private async clusterNode(kind: 'kafka-kill-leader' | 'kafka-restart-killed'): Promise<string> {
    if (!this.cluster) return 'skipped: not a cluster run';
    if (kind === 'kafka-restart-killed') {
      if (!this.leaderKilled) return 'skipped: no node was killed';
      const from = Date.now();
      await this.cluster.restart(this.leaderKilled.node);
      return `node ${this.leaderKilled.node} back in ${((Date.now() - from) / 1000).toFixed(1)} s`;
    }
    const leader = await busiestLeader(this.stack.namespace);
    await this.cluster.kill(leader.node);
    this.leaderKilled = leader;
    return `node ${leader.node} killed, leader of ${leader.ledPartitions} of the run's ${leader.partitions} partitions (leaders ${JSON.stringify(leader.leaders)})`;
  }

  private async restartKafka(): Promise<string> {
    const control = process.env.INFRA_CONTROL_URL;
    if (!control) return 'skipped: no INFRA_CONTROL_URL (run through npm run chaos or npm test)';
    const answer = await request('POST', `${control}/kafka/restart`, undefined, {}, 120_000);
    if (answer.status !== 200) throw new Error(`Kafka restart: HTTP ${answer.status}`);
    this.kafkaRestarted = true;
    return 'broker back on the same port and data';
  }
}

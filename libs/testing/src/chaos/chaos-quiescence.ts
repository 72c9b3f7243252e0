import type { Stack, StackService } from '../stack';
import type { ChaosDatabases } from './chaos-databases';
import type { Submission } from './chaos-citizens';
import type { ChaosPlan } from './chaos-plan';
import { consumerLag } from './chaos-lag';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SETTLED = ['RESULT_READY', 'DONE', 'REFUSED', 'WITHDRAWN', 'SUPPLEMENT_REQUESTED'];

/**
 * Quiescent: every dossier settled (finished, or with the citizen), no notification and no
 * request to the construction department still pending, every outbox empty and every consumer group caught up, including its retry
 * topics; twice in a row. Returns when that state began.
 */
export async function waitForQuiescence(
  stack: Stack,
  databases: ChaosDatabases,
  submitted: Submission[],
  plan: ChaosPlan,
  note: (line: string) => void,
): Promise<number> {
  const deadline = Date.now() + plan.quiescenceTimeoutMs;
  const expected = new Map(
    submitted.flatMap((s) => (s.dossierCode ? [[s.dossierCode, s.citizen] as const] : [])),
  );
  const services: StackService[] = [
    'land-registry',
    'secured-transactions',
    'tax-obligation',
    'notification',
    'construction',
  ];
  const retryLevels = plan.retryDelaysMs.split(',').length;
  let quietSince: number | undefined;
  let lastReport = 0;
  while (Date.now() < deadline) {
    const polled = Date.now();
    // Cheapest first, and only as far as needed: the poll must not load the database it waits for.
    const state = await (async () => {
      const dossiers = await databases.find<{ _id: string; status: string }>(
        'land-registry',
        'dossiers',
        {},
        { _id: 1, status: 1 },
      );
      const unsettled =
        dossiers.filter((d) => {
          const c = expected.get(d._id);
          if (!c) return false;
          return !(
            SETTLED.includes(d.status) ||
            (d.status === 'WAITING_FOR_PAYMENT' && c.scenario.payment === 'NEVER')
          );
        }).length + Math.max(0, expected.size - dossiers.filter((d) => expected.has(d._id)).length);
      const lag = await consumerLag(stack.namespace, retryLevels);
      const lagging = Object.values(lag).reduce((a, b) => a + b, 0);
      if (unsettled + lagging > 0) return { unsettled, lag: lagging, byGroup: lag };
      const pending =
        (await databases.count('notification', 'deliveries', { status: 'PENDING' })) +
        // Requests the construction service still has work for (submit, poll, cancel).
        (await databases.count('construction', 'opinion_requests', {
          status: { $in: ['RECEIVED', 'PENDING', 'CANCELLING'] },
        }));
      const outboxes = await Promise.all(services.map((s) => databases.pendingOutbox(s)));
      const outbox = outboxes.reduce((a, b) => a + b, 0);
      return { unsettled, lag: lagging, pending, outbox };
    })().catch((err: unknown) => ({ error: String(err) }));
    const quiet =
      !('error' in state) &&
      state.unsettled + state.lag + (state.pending ?? 1) + (state.outbox ?? 1) === 0;
    if (quiet && quietSince !== undefined) return quietSince;
    quietSince = quiet ? polled : undefined;
    if (Date.now() - lastReport > 15_000) {
      note(`  not quiescent yet: ${JSON.stringify(state)}`);
      lastReport = Date.now();
    }
    await sleep(3_000);
  }
  note('  gave up waiting for quiescence; auditing what there is');
  return Date.now();
}

import type { Stack } from '../stack';
import type { ChaosDatabases } from './chaos-databases';
import { asCounter, request } from './chaos-http';

export interface WaitingExample {
  dossierCode: string;
  waitingFor: unknown;
  timelineVi?: string;
}

/** What officers saw while agencies were down, and how the backlog drained afterwards. */
export interface BacklogObservation {
  /** Largest `GET /backlog` waitingForAgency count seen per agency. */
  peak: Record<string, number>;
  /** Per agency, one dossier as an officer saw it while it waited (`GET /dossiers/:code`). */
  examples: Record<string, WaitingExample>;
  /** Dossiers seen waiting for each agency, with when they started waiting. */
  waited: Record<string, Map<string, number>>;
}

interface WaitingDoc {
  _id: string;
  waitingFor: { agency: string; since: Date } | null;
}

/** Samples the officers' backlog and the dossiers marked as waiting for an agency. */
export class BacklogWatcher {
  readonly observation: BacklogObservation = { peak: {}, waited: {}, examples: {} };

  constructor(
    private readonly stack: Stack,
    private readonly databases: ChaosDatabases,
  ) {}

  async tick(): Promise<void> {
    const lr = this.stack.url['land-registry'];
    const backlog = await request(
      'GET',
      `${lr}/backlog`,
      undefined,
      await asCounter(),
      5_000,
    ).catch(() => undefined);
    const byAgency = (backlog?.body.waitingForAgency ?? {}) as Record<string, number>;
    for (const [agency, n] of Object.entries(byAgency))
      this.observation.peak[agency] = Math.max(this.observation.peak[agency] ?? 0, n);
    const waiting = await this.databases.find<WaitingDoc>(
      'land-registry',
      'dossiers',
      { waitingFor: { $ne: null } },
      { _id: 1, waitingFor: 1 },
    );
    for (const d of waiting) {
      if (!d.waitingFor) continue;
      const seen = (this.observation.waited[d.waitingFor.agency] ??= new Map<string, number>());
      if (!seen.has(d._id)) seen.set(d._id, new Date(d.waitingFor.since).getTime());
    }
    // One example per agency (the first dossier seen waiting for it).
    for (const d of waiting) {
      const agency = d.waitingFor?.agency;
      if (!agency || this.observation.examples[agency]) continue;
      const view = await request(
        'GET',
        `${lr}/dossiers/${d._id}`,
        undefined,
        await asCounter(),
      ).catch(() => undefined);
      const timeline = (view?.body.timeline ?? []) as { step: string; noteVi: string }[];
      if (view?.body.waitingFor)
        this.observation.examples[agency] = {
          dossierCode: d._id,
          waitingFor: view.body.waitingFor,
          timelineVi: timeline.find((t) => t.step === 'WAITING_FOR_AGENCY')?.noteVi,
        };
    }
  }
}

interface TimelineDoc {
  _id: string;
  receivedAt: Date;
  timeline: { step: string; at: Date }[];
}

/**
 * Whether the dossiers that waited for an agency went on in the order they came in: the
 * share of pairs (by receipt) whose next step (`step`) also happened in that order. 1 is
 * strict order; the consumer works six partitions at once, so a little overlap is normal.
 */
export async function drainOrder(
  databases: ChaosDatabases,
  codes: string[],
  step: string,
): Promise<number | null> {
  if (codes.length < 2) return null;
  const docs = await databases.find<TimelineDoc>(
    'land-registry',
    'dossiers',
    { _id: { $in: codes } },
    { _id: 1, receivedAt: 1, timeline: 1 },
  );
  const points = docs
    .map((d) => ({
      received: new Date(d.receivedAt).getTime(),
      next: d.timeline.find((t) => t.step === step)?.at,
    }))
    .filter((p): p is { received: number; next: Date } => p.next !== undefined)
    .map((p) => ({ received: p.received, next: new Date(p.next).getTime() }))
    .sort((a, b) => a.received - b.received);
  let pairs = 0;
  let inOrder = 0;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      pairs++;
      if (points[j].next >= points[i].next) inOrder++;
    }
  return pairs === 0 ? null : Math.round((inOrder / pairs) * 100) / 100;
}

import { Counter, Histogram } from 'prom-client';
import { METRICS } from './metrics';

/**
 * The dossier counts and durations an operator watches (deploy/grafana/lien-thong.json).
 * Labels are codes only (procedure, unit, step): never a dossier code or anything about a
 * person, and few enough values that every series stays cheap to keep.
 */
const labelNames = ['procedure', 'unit'] as const;

const received = new Counter({
  name: 'lien_thong_dossiers_received_total',
  help: 'Dossiers received (created), by procedure and competent unit',
  labelNames,
  registers: [METRICS],
});
const registered = new Counter({
  name: 'lien_thong_dossiers_registered_total',
  help: 'Dossiers registered (a result ready for the citizen), by procedure and unit',
  labelNames,
  registers: [METRICS],
});
const refused = new Counter({
  name: 'lien_thong_dossiers_refused_total',
  help: 'Dossiers refused, by procedure and unit',
  labelNames,
  registers: [METRICS],
});
const stepSeconds = new Histogram({
  name: 'lien_thong_dossier_step_seconds',
  help: 'Time a dossier spent in a step (status) before leaving it, by procedure and step',
  labelNames: ['procedure', 'step'],
  // From an automatic check (seconds) to a land office's review (working days, Decree
  // 101/2024 allows up to 10 for a transfer): 1 s … 1 min … 1 h … 1 day … 15 days.
  buckets: [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 86_400, 3 * 86_400, 7 * 86_400, 15 * 86_400],
  registers: [METRICS],
});

/** What these metrics read of a dossier (the land registry's Dossier has all of it). */
export interface MeasuredDossier {
  status: string;
  unit: string;
  procedureCode: string;
  procedure?: string;
  receivedAt: Date;
  timeline: readonly { at: Date }[];
}

const labelsOf = (d: MeasuredDossier) => ({
  procedure: d.procedure ?? d.procedureCode,
  unit: d.unit,
});

/** Counters of the dossier workflow, called where the land registry writes a change. */
export const dossierMetrics = {
  /** A dossier was created (not a repeated submission answered from the idempotency record). */
  received(d: MeasuredDossier): void {
    received.inc(labelsOf(d));
  },

  /**
   * A step written to `before` (the dossier as read before the write): counts registrations
   * and refusals, and when the status changes, the time spent in the one left, measured
   * from the dossier's last timeline entry (each step of the workflow writes one).
   */
  transitioned(before: MeasuredDossier, status: string | undefined, at = new Date()): void {
    if (!status || status === before.status) return;
    const labels = labelsOf(before);
    const last = before.timeline.at(-1)?.at ?? before.receivedAt;
    const seconds = Math.max(0, (at.getTime() - new Date(last).getTime()) / 1000);
    stepSeconds.observe({ procedure: labels.procedure, step: before.status }, seconds);
    if (status === 'RESULT_READY') registered.inc(labels);
    else if (status === 'REFUSED') refused.inc(labels);
  },
};

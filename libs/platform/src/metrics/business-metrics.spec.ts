import { dossierMetrics } from './business-metrics';
import { METRICS } from './metrics';

const value = async (name: string, labels: Record<string, string>) => {
  const metric = await METRICS.getSingleMetric(name)?.get();
  return (
    metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))
      ?.value ?? 0
  );
};

describe('dossier metrics', () => {
  const dossier = {
    status: 'IN_REVIEW',
    unit: '01/CN-BADINH',
    procedureCode: '1.012345',
    procedure: 'TRANSFER',
    receivedAt: new Date('2026-12-01T01:00:00Z'),
    timeline: [{ at: new Date('2026-12-01T02:00:00Z') }],
  };

  it('counts receipts, registrations and refusals by procedure and unit, and times the step left', async () => {
    const labels = { procedure: 'TRANSFER', unit: '01/CN-BADINH' };
    dossierMetrics.received(dossier);
    dossierMetrics.transitioned(dossier, 'RESULT_READY', new Date('2026-12-01T03:00:00Z'));
    dossierMetrics.transitioned(dossier, 'REFUSED', new Date('2026-12-01T03:00:00Z'));
    dossierMetrics.transitioned(dossier, 'IN_REVIEW'); // no change of step: nothing
    dossierMetrics.transitioned(dossier, undefined);
    expect(await value('lien_thong_dossiers_received_total', labels)).toBe(1);
    expect(await value('lien_thong_dossiers_registered_total', labels)).toBe(1);
    expect(await value('lien_thong_dossiers_refused_total', labels)).toBe(1);
    const step = { procedure: 'TRANSFER', step: 'IN_REVIEW' };
    const metric = (await METRICS.getSingleMetric('lien_thong_dossier_step_seconds')?.get()) as
      | { values: { metricName?: string; labels: Record<string, unknown>; value: number }[] }
      | undefined;
    const count = metric?.values.find(
      (v) =>
        v.metricName === 'lien_thong_dossier_step_seconds_count' && v.labels.step === step.step,
    );
    const sum = metric?.values.find(
      (v) => v.metricName === 'lien_thong_dossier_step_seconds_sum' && v.labels.step === step.step,
    );
    // An hour since the last timeline entry, twice.
    expect([count?.value, sum?.value]).toEqual([2, 7200]);
  });
});

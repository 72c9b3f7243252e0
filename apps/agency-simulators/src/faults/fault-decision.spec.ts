import { FaultSettings } from '@lien-thong/agency-contracts';
import { decideFault } from './fault-decision';
import { seededRandom } from './prng';

const healthy: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  errorStatus: 503,
  outage: false,
  seed: 1,
};

function outcomes(settings: FaultSettings, calls: number): string[] {
  const draw = seededRandom(settings.seed);
  return Array.from({ length: calls }, () => decideFault(settings, draw).kind);
}

describe('decideFault', () => {
  it('serves every call of a healthy agency, with its latency', () => {
    expect(decideFault({ ...healthy, latencyMs: 250 }, () => 0)).toEqual({
      kind: 'serve',
      latencyMs: 250,
    });
  });

  it('refuses every call during an outage, whatever the other settings', () => {
    expect(outcomes({ ...healthy, outage: true, errorRate: 0 }, 5)).toEqual(
      Array(5).fill('outage'),
    );
  });

  it('fails every call at error rate 1 with the configured status', () => {
    expect(decideFault({ ...healthy, errorRate: 1, errorStatus: 429 }, () => 0.999)).toEqual({
      kind: 'fail',
      status: 429,
      latencyMs: 0,
    });
  });

  it('fails about the configured share of calls, the same ones for the same seed', () => {
    const settings = { ...healthy, errorRate: 0.3, seed: 42 };
    const first = outcomes(settings, 2000);
    expect(outcomes(settings, 2000)).toEqual(first);
    const share = first.filter((kind) => kind === 'fail').length / first.length;
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.33);
    expect(outcomes({ ...settings, seed: 43 }, 2000)).not.toEqual(first);
  });
});

describe('seededRandom', () => {
  it('draws numbers in [0, 1)', () => {
    const draw = seededRandom(7);
    const draws = Array.from({ length: 1000 }, draw);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});

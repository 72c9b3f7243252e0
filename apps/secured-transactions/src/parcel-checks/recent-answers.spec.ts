import { RecentAnswers } from './recent-answers';

const clear = (at: Date) => ({ result: { status: 'CLEAR' as const }, checkedAt: at });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe('the clear answers a check on receipt may reuse', () => {
  it('keeps the newest clear answer of a parcel, and only from `since` on', () => {
    const recent = new RecentAnswers(300_000);
    const newest = minutesAgo(2);
    recent.remember('00004/12/1', clear(minutesAgo(4)));
    recent.remember('00004/12/1', clear(newest));
    recent.remember('00004/12/1', clear(minutesAgo(3)));
    expect(recent.since('00004/12/1', minutesAgo(2.5))?.checkedAt).toBe(newest);
    expect(recent.since('00004/12/1', minutesAgo(1))).toBeNull();
    expect(recent.since('00004/12/2', new Date(0))).toBeNull();
  });

  it('never keeps an encumbrance, and forgets the oldest parcels beyond its size', () => {
    const recent = new RecentAnswers(300_000, 2);
    recent.remember('p1', {
      result: { status: 'BLOCKED' as const },
      checkedAt: minutesAgo(1),
    });
    expect(recent.since('p1', new Date(0))).toBeNull();
    recent.remember('p1', clear(minutesAgo(1)));
    recent.remember('p2', clear(minutesAgo(1)));
    recent.remember('p3', clear(minutesAgo(1)));
    expect(recent.since('p1', new Date(0))).toBeNull();
    expect(recent.since('p3', new Date(0))).not.toBeNull();
  });
});

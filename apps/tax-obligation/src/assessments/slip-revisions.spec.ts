import { decideRevision } from './slip-revisions';
import type { AssessmentStatus } from './schemas/tax-assessment.schema';

const rev = (slipRevision: number, status: AssessmentStatus) => ({
  _id: `HS-1:R${slipRevision}`,
  slipRevision,
  status,
});

describe('a new slip revision', () => {
  it('is assessed when nothing was assessed before, or only returned', () => {
    expect(decideRevision([], 1)).toEqual({ kind: 'ASSESS', supersede: [], finish: [] });
    expect(decideRevision([rev(1, 'RETURNED')], 2)).toEqual({
      kind: 'ASSESS',
      supersede: [],
      finish: [],
    });
  });

  it('supersedes an unpaid assessment instead of coming back "already assessed"', () => {
    expect(decideRevision([rev(1, 'ASSESSED')], 2)).toEqual({
      kind: 'ASSESS',
      supersede: ['HS-1:R1'],
      finish: [],
    });
  });

  it('finishes a supersession a previous attempt left under way, and ignores cancelled ones', () => {
    expect(decideRevision([rev(2, 'CANCELLING'), rev(1, 'CANCELLED')], 3)).toEqual({
      kind: 'ASSESS',
      supersede: [],
      finish: ['HS-1:R2'],
    });
  });

  it('leaves a paid assessment standing', () => {
    expect(decideRevision([rev(1, 'PAID')], 2)).toEqual({
      kind: 'PAID',
      standing: rev(1, 'PAID'),
    });
  });

  it('does nothing for a revision already handled or older than one handled', () => {
    expect(decideRevision([rev(1, 'ASSESSED')], 1)).toEqual({ kind: 'REPEAT' });
    expect(decideRevision([rev(3, 'ASSESSED')], 2)).toEqual({ kind: 'STALE' });
  });
});

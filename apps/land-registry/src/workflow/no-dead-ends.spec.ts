import { Topics } from '@lien-thong/contracts';
import { Dossier, DossierStatus } from '../dossiers/dossier';
import { dossier } from '../testing/dossier.fixture';
import { approve, claim, propose, sendBack, withdraw } from './land-office-review';
import {
  acceptSupplement,
  refuseByOfficer,
  requestSupplement,
  returnResult,
} from './officer-actions';
import {
  onObligationsAssessed,
  onObligationsPaid,
  onParcelChecked,
  onSlipReturned,
} from './transfer-saga';
import type { Transition } from './transition';

/**
 * Every combination of officer action × saga step, explored: from a dossier just received,
 * each thing that can happen next (an agency answers one of the requests still out, stale
 * ones included; the citizen pays; an officer or leader acts; a supplement with or without
 * a changed price) is applied to every state reached, breadth first. No state reached may
 * wait for something that cannot come: a dossier that is not finished always has a next
 * step other than a refusal or a withdrawal, and nothing is registered without approval.
 */

type Request =
  { kind: 'CHECK'; stage: 'RECEIPT' | 'PRE_REGISTRATION' } | { kind: 'SLIP'; revision: number };

interface State {
  d: Dossier;
  /** Requests sent to agencies and not answered yet (each is answered once, late or not). */
  out: Request[];
}

interface Move {
  name: string;
  /** false: ends the dossier on a person's decision (refusal, withdrawal), not progress. */
  progress: boolean;
  run: (s: State) => State | null;
}

const at = new Date('2026-11-24T03:00:00Z');
const officer = { username: 'chuyenvien.badinh', describedAs: 'Trần Minh Quân (Chuyên viên)' };
const leader = { username: 'lanhdao.hanoi', describedAs: 'Phạm Thị Lan (Lãnh đạo)' };
const outcome = {
  choice: 'NEW_CERTIFICATE' as const,
  serial: 'DD01000001',
  issuedOn: '2026-11-24',
};
const ENDED: readonly DossierStatus[] = ['DONE', 'REFUSED', 'WITHDRAWN'];

function requestsOf(t: Transition): Request[] {
  return t.emit.flatMap((e): Request[] => {
    if (e.topic === Topics.ParcelCheckRequested)
      return [
        { kind: 'CHECK', stage: (e.payload as { stage: 'RECEIPT' | 'PRE_REGISTRATION' }).stage },
      ];
    if (e.topic === Topics.TransferSlipSent)
      return [{ kind: 'SLIP', revision: (e.payload as { slipRevision: number }).slipRevision }];
    return [];
  });
}

/** The dossier after a transition, as the saga writer would store it. */
function applied(s: State, t: Transition | null, answered?: Request): State | null {
  const out = answered ? s.out.filter((r) => r !== answered) : s.out;
  if (!t) return answered ? { d: s.d, out } : null;
  const d: Dossier = {
    ...s.d,
    ...(t.set ?? {}),
    status: t.status ?? s.d.status,
    heldBy: t.heldBy ?? s.d.heldBy,
    pauses: t.pauses ?? s.d.pauses,
    timeline: [...s.d.timeline, ...t.timeline],
  };
  return { d, out: [...out, ...requestsOf(t)] };
}

/** A decision that refuses to apply (wrong step, wrong person) is simply not a move. */
function attempt(fn: () => Transition | null): Transition | null | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

function moves(s: State): Move[] {
  const { d } = s;
  const officerMove = (name: string, progress: boolean, fn: () => Transition | null): Move => ({
    name,
    progress,
    run: () => {
      const t = attempt(fn);
      return t ? applied(s, t) : null;
    },
  });
  const answers = s.out.flatMap((r): Move[] => {
    if (r.kind === 'CHECK') {
      const result = {
        dossierCode: d._id,
        stage: r.stage,
        parcel: d.parcel.ref,
        result: { status: 'CLEAR' as const },
        checkedAt: at.toISOString(),
        source: 'REGISTRY' as const,
      };
      return [
        {
          name: `registry answers ${r.stage}`,
          progress: true,
          run: () =>
            applied(s, onParcelChecked(d, result, at, 'Chi nhánh Ba Đình', 'Bộ phận Một cửa'), r),
        },
      ];
    }
    const assessed = {
      dossierCode: d._id,
      slipRevision: r.revision,
      assessmentId: `A-${r.revision}`,
      totalVnd: 1_000,
      notices: [],
    };
    const returned = {
      dossierCode: d._id,
      slipRevision: r.revision,
      problems: [{ field: 'parcel', code: 'SLIP.NO_PRICE', messageVi: 'Không có giá đất' }],
    };
    return [
      {
        name: `tax assesses revision ${r.revision}`,
        progress: true,
        run: () => applied(s, onObligationsAssessed(d, assessed, at), r),
      },
      {
        name: `tax returns revision ${r.revision}`,
        progress: true,
        run: () => applied(s, onSlipReturned(d, returned, at), r),
      },
    ];
  });
  const paid = d.assessment
    ? [
        {
          name: 'the citizen pays',
          progress: true,
          run: () => {
            const assessment = d.assessment as { assessmentId: string };
            const t = attempt(() =>
              onObligationsPaid(
                d,
                {
                  dossierCode: d._id,
                  assessmentId: assessment.assessmentId,
                  amountVnd: 1_000,
                  paidAt: at.toISOString(),
                  transactionId: 'T-1',
                  late: false,
                },
                at,
                'Ba Đình',
              ),
            );
            return t ? applied(s, t) : null;
          },
        },
      ]
    : [];
  return [
    ...answers,
    ...paid,
    officerMove('officer asks for a supplement', false, () =>
      requestSupplement(d, 'Thiếu giấy tờ', 'Cán bộ', at),
    ),
    officerMove('counter accepts the supplement', true, () =>
      acceptSupplement(d, 'Cán bộ', at, {}),
    ),
    officerMove('counter accepts a corrected price', true, () =>
      acceptSupplement(d, 'Cán bộ', at, { declaredPriceVnd: 5_000_000_000 }),
    ),
    officerMove('officer claims', true, () => claim(d, officer, at)),
    officerMove('officer proposes', true, () => propose(d, officer, 'Đủ điều kiện', at)),
    officerMove('leader sends back', false, () => sendBack(d, leader, 'Đối chiếu lại', at)),
    officerMove('leader approves', true, () => approve(d, leader, at, outcome)),
    officerMove('counter hands the result over', true, () => returnResult(d, 'Cán bộ', at)),
    officerMove('officer refuses', false, () =>
      refuseByOfficer(d, 'Không đủ điều kiện', 'Cán bộ', at),
    ),
    officerMove('applicant withdraws', false, () =>
      withdraw(d, 'CITIZEN', 'Người nộp', 'Hủy hợp đồng', at),
    ),
  ];
}

const keyOf = (s: State) =>
  JSON.stringify([
    s.d.status,
    s.d.slipRevision,
    s.d.resumeStep,
    s.d.assignee?.username ?? null,
    !!s.d.proposal,
    !!s.d.approval,
    s.d.assessment?.assessmentId ?? null,
    !!s.d.payment,
    s.out.map((r) => (r.kind === 'CHECK' ? r.stage : `R${r.revision}`)).sort(),
  ]);

describe('no dossier waits for something that cannot come', () => {
  it('explores every officer action at every step, agencies answering late and out of order', () => {
    const start: State = { d: dossier(), out: [{ kind: 'CHECK', stage: 'RECEIPT' }] };
    const seen = new Map<string, State>([[keyOf(start), start]]);
    const queue = [start];
    const deadEnds: string[] = [];
    const unapproved: string[] = [];
    while (queue.length > 0 && seen.size < 20_000) {
      const s = queue.shift() as State;
      const next = moves(s)
        .map((m) => ({ m, to: m.run(s) }))
        .filter((x): x is { m: Move; to: State } => x.to !== null && keyOf(x.to) !== keyOf(s));
      if (!ENDED.includes(s.d.status) && !next.some((x) => x.m.progress))
        deadEnds.push(`${keyOf(s)} after ${s.d.timeline.map((t) => t.step).join(' → ')}`);
      if (['RESULT_READY', 'DONE'].includes(s.d.status) && !s.d.approval) unapproved.push(keyOf(s));
      for (const { to } of next) {
        const key = keyOf(to);
        if (!seen.has(key) && to.d.timeline.length < 40) {
          seen.set(key, to);
          queue.push(to);
        }
      }
    }
    // The exploration reached the land office and the end, not just the first steps.
    const statuses = new Set([...seen.values()].map((s) => s.d.status));
    expect([...statuses].sort()).toEqual(
      [
        'AWAITING_APPROVAL',
        'CHECKING_PARCEL',
        'DONE',
        'IN_REVIEW',
        'RECHECKING_HOLDS',
        'REFUSED',
        'RESULT_READY',
        'SUPPLEMENT_REQUESTED',
        'WAITING_FOR_PAYMENT',
        'WAITING_FOR_TAX',
        'WITHDRAWN',
      ].sort(),
    );
    expect(seen.size).toBeGreaterThan(100);
    expect(deadEnds.slice(0, 5)).toEqual([]);
    expect(unapproved).toEqual([]);
  });
});

import { DEMO_SCENARIOS, Scenario } from '../scenarios';

/** What the law says must become of a dossier, whatever the faults. */
export interface ExpectedOutcome {
  status: 'RESULT_READY' | 'REFUSED' | 'WAITING_FOR_PAYMENT' | 'WITHDRAWN';
  refusalCode?: string;
}

/** One citizen of the chaos run. */
export interface ChaosCitizen {
  index: number;
  scenario: Scenario;
  expected: ExpectedOutcome;
}

/** The generated clear parcels the land registry seeds with SEED_BULK_PARCELS (bulk-parcels.ts). */
function bulkParcel(k: number): Scenario['parcel'] {
  return ['00004', 50 + Math.floor(k / 1000), 1 + (k % 1000)];
}

/**
 * Parcels the Justice registry simulator knows as mortgaged, the only ones shared: their
 * dossiers are refused at receipt, and a parcel takes one unfinished dossier at a time, so
 * their citizens take turns (chaos-citizens.ts).
 */
const MORTGAGED: Scenario['parcel'][] = [
  ['00004', 12, 111],
  ['00004', 12, 112],
  ['00004', 12, 113],
];

/** The remote-commune parcels of the cadastral book: each can be sold once per run. */
const REMOTE: Scenario['parcel'][] = [
  ['09904', 31, 205],
  ['09904', 31, 206],
  ['09904', 31, 207],
];

/** A citizen who has the tax notice and has not paid yet: legitimately waiting at the end. */
const NOT_PAID_YET: Scenario = {
  name: 'citizen has not paid yet',
  parcel: ['00004', 12, 101],
  declaredPriceVnd: 2_000_000_000,
  payment: 'NEVER',
};

/** Citizens whose parcel had a hold placed and lifted before they submitted. */
export const LIFTED_HOLD_SCENARIO = 'hold lifted before submission';

function expectedOf(s: Scenario): ExpectedOutcome {
  if (s.holdWhilePaying) return { status: 'REFUSED', refusalCode: 'PARCEL.BLOCKED' };
  if (MORTGAGED.some((p) => p.join('/') === s.parcel.join('/')))
    return { status: 'REFUSED', refusalCode: 'PARCEL.MORTGAGED' };
  // A hold lifted before the dossier was submitted refuses nobody: registered as a plain sale.
  if (s.holdLiftedBeforeSubmission) return { status: 'RESULT_READY' };
  if (s.lifecycle === 'WITHDRAW') return { status: 'WITHDRAWN' };
  if (s.lifecycle === 'REFUSE_AFTER_PAYMENT')
    return { status: 'REFUSED', refusalCode: 'DOSSIER.REFUSED_BY_OFFICER' };
  if (s.payment === 'NEVER') return { status: 'WAITING_FOR_PAYMENT' };
  return { status: 'RESULT_READY' };
}

/**
 * People's decisions and the registry's, spread over the plain sales on generated parcels:
 * one in ten has a hold placed on its parcel and lifted again before the dossier is
 * submitted (to be registered all the same), one in ten is sent back once by the leader, one
 * in ten refused by the officer after the citizen paid (to be refunded), one in ten
 * withdrawn by the applicant once the notice is out (never paid).
 */
function withDecision(s: Scenario, k: number): Scenario {
  if (expectedOf(s).status !== 'RESULT_READY') return s;
  switch (k % 10) {
    case 1:
      return { ...s, name: LIFTED_HOLD_SCENARIO, holdLiftedBeforeSubmission: true };
    case 3:
      return { ...s, lifecycle: 'SEND_BACK' };
    case 6:
      return { ...s, lifecycle: 'REFUSE_AFTER_PAYMENT' };
    case 9:
      return { ...s, lifecycle: 'WITHDRAW', payment: 'NEVER' };
    default:
      return s;
  }
}

/**
 * n citizens cycling through the demo's scenarios (plus one who does not pay), each on a
 * parcel of its own: a hold placed on a parcel stops every dossier on it, and a registered
 * transfer changes the owners. Mortgaged parcels are shared (those dossiers stop at
 * receipt); once the three remote parcels are used, that slot becomes a plain sale.
 */
export function chaosCitizens(n: number): ChaosCitizen[] {
  const kinds = [...DEMO_SCENARIOS, NOT_PAID_YET];
  let bulk = 0;
  let remote = 0;
  let mortgaged = 0;
  return Array.from({ length: n }, (_, index) => {
    const base = kinds[index % kinds.length];
    let scenario: Scenario;
    if (base.parcel[0] === '09904' && remote < REMOTE.length) {
      scenario = { ...base, parcel: REMOTE[remote++] };
    } else if (base.parcel[0] === '09904') {
      scenario = { ...DEMO_SCENARIOS[0], parcel: bulkParcel(bulk++) };
    } else if (expectedOf(base).refusalCode === 'PARCEL.MORTGAGED') {
      scenario = { ...base, parcel: MORTGAGED[mortgaged++ % MORTGAGED.length] };
    } else {
      scenario = withDecision({ ...base, parcel: bulkParcel(bulk) }, bulk);
      bulk++;
    }
    return { index, scenario, expected: expectedOf(scenario) };
  });
}

/** Whether other citizens of the run submit on this citizen's parcel too. */
export function sharesParcel(citizen: ChaosCitizen): boolean {
  return MORTGAGED.some((p) => p.join('/') === citizen.scenario.parcel.join('/'));
}

/** How many generated parcels the land registry must seed for n citizens. */
export function bulkParcelsNeeded(n: number): number {
  return chaosCitizens(n).filter((c) => c.scenario.parcel[1] >= 50).length;
}

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

/**
 * House registrations (issue 15), on generated parcels of their own: the construction
 * department confirms the house (registration fee, payment, review, approval) or, for a
 * permit number with `SAI`, does not (refused CONSTRUCTION.NOT_CONFIRMED); one owner in
 * four never pays the fee and waits at the end. Their names are the audit's rows.
 */
const HOUSES: Omit<Scenario, 'parcel'>[] = [
  {
    name: 'house confirmed by the construction department',
    procedure: 'HOUSE_REGISTRATION',
    conforming: true,
    payment: 'ON_TIME',
  },
  {
    name: 'house not conforming to its permit',
    procedure: 'HOUSE_REGISTRATION',
    conforming: false,
    payment: 'ON_TIME',
  },
  {
    name: 'house confirmed by the construction department',
    procedure: 'HOUSE_REGISTRATION',
    conforming: true,
    payment: 'ON_TIME',
  },
  {
    name: 'house confirmed, owner has not paid the fee yet',
    procedure: 'HOUSE_REGISTRATION',
    conforming: true,
    payment: 'NEVER',
  },
];

/**
 * Two citizens in every 24 (8 %) register a house; in each block of 24 they are the 2nd and
 * the 4th to submit, so that the first two reach the construction department before the
 * Justice outage holds everyone else back (and are in its hands when it goes down).
 */
const isHouseSlot = (index: number) => index % 24 === 1 || index % 24 === 3;

export const isHouseRegistration = (s: Scenario) => s.procedure === 'HOUSE_REGISTRATION';

function expectedOf(s: Scenario): ExpectedOutcome {
  if (isHouseRegistration(s)) {
    if (s.conforming === false)
      return { status: 'REFUSED', refusalCode: 'CONSTRUCTION.NOT_CONFIRMED' };
    return { status: s.payment === 'NEVER' ? 'WAITING_FOR_PAYMENT' : 'RESULT_READY' };
  }
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
 * n citizens: house registrations in their slots, the others cycling through the demo's
 * transfers (plus one who does not pay; the demo's other procedures are not played here),
 * each on a parcel of its own: a hold placed on a parcel stops every dossier on it, and a
 * registered transfer changes the owners. Mortgaged parcels are shared (those dossiers stop
 * at receipt); once the three remote parcels are used, that slot becomes a plain sale.
 */
export function chaosCitizens(n: number): ChaosCitizen[] {
  const kinds = [...DEMO_SCENARIOS.filter((s) => !s.procedure), NOT_PAID_YET];
  let bulk = 0;
  let remote = 0;
  let mortgaged = 0;
  let sales = 0;
  let houses = 0;
  return Array.from({ length: n }, (_, index) => {
    let scenario: Scenario;
    if (isHouseSlot(index)) {
      scenario = { ...HOUSES[houses++ % HOUSES.length], parcel: bulkParcel(bulk++) };
      return { index, scenario, expected: expectedOf(scenario) };
    }
    const base = kinds[sales++ % kinds.length];
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

import { Topics } from '@lien-thong/contracts';
import type { ChaosDatabases } from './chaos-databases';
import type { Submission } from './chaos-citizens';
import { BusHistory, countBy } from './chaos-bus';

interface HouseDossier {
  _id: string;
  status: string;
  refusal?: { code: string } | null;
  waitingFor?: { agency: string } | null;
  sellers: { citizenId: string }[];
  parcel: { ref: { communeCode: string; mapSheetNumber: number; parcelNumber: number } };
  construction?: { requestId: string; outcome: string | null } | null;
  timeline?: { step: string }[];
}

interface OpinionRequestDoc {
  _id: string;
  dossierCode: string;
  status: string;
}

interface HouseParcel {
  _id: string;
  owners: { citizenId: string }[];
  houses?: { dossierCode: string }[];
}

interface HouseAssessment {
  dossierCode: string;
  status: string;
  notices: { code: string; amountVnd: number }[];
}

export interface ConstructionAudit {
  /** House registrations submitted, and how many waited for the department (timeline). */
  houses: number;
  /**
   * A house dossier that asked the department and, after quiescence, has no answer applied:
   * the request missing at the construction service, still open there (received, pending,
   * cancelling), or answered without the dossier having taken the answer (unless it closed).
   */
  constructionRequestsUnanswered: number;
  /**
   * More than one ConstructionOpinionGiven for one request on the bus, a dossier that
   * applied an answer twice (confirmed twice, or confirmed and refused as not confirmed), or
   * a house slip revision sent to tax twice.
   */
  constructionAnswersDuplicated: number;
  /** House dossiers not settled, or still marked as waiting for an agency, at the end. */
  houseDossiersStuck: number;
  /**
   * The book disagrees with the dossier: a registered house not on its parcel exactly once,
   * a house on a parcel whose dossier was not registered, or owners added by a registration.
   */
  housesMisrecorded: number;
  /** Holders missing from the parcel after their house was registered ("loses no owner"). */
  houseOwnersLost: number;
  /**
   * Charged otherwise than the registration fee on the house: another obligation, a zero
   * fee, a refused (not confirmed) house charged at all, or registered without paying it.
   */
  houseChargesWrong: number;
}

const REGISTERED = ['RESULT_READY', 'DONE'];
const CLOSED = ['REFUSED', 'WITHDRAWN'];
const SETTLED = [...REGISTERED, ...CLOSED, 'WAITING_FOR_PAYMENT'];
const OPEN = ['RECEIVED', 'PENDING', 'CANCELLING'];

const parcelId = (d: HouseDossier) =>
  `${d.parcel.ref.communeCode}/${d.parcel.ref.mapSheetNumber}/${d.parcel.ref.parcelNumber}`;
const steps = (d: HouseDossier, step: string) =>
  (d.timeline ?? []).filter((t) => t.step === step).length;

/** Whether the dossier asked the department and its answer was taken (or no longer matters). */
function unanswered(d: HouseDossier, requests: Map<string, OpinionRequestDoc>): boolean {
  if (steps(d, 'CONSTRUCTION_OPINION_REQUESTED') === 0) return false;
  const request = d.construction ? requests.get(d.construction.requestId) : undefined;
  if (!request || OPEN.includes(request.status)) return true;
  return !CLOSED.includes(d.status) && !d.construction?.outcome;
}

/**
 * The house registrations of the run (issue 15), from the land registry's dossiers and book,
 * the construction service's requests, tax's assessments and the bus: each asked the
 * construction department once, took its one answer, was charged the registration fee only,
 * and ended where the law says with its owners kept.
 */
export async function auditConstruction(
  db: ChaosDatabases,
  bus: BusHistory,
  submissions: Submission[],
): Promise<ConstructionAudit> {
  const houses = await db.find<HouseDossier>(
    'land-registry',
    'dossiers',
    { procedure: 'HOUSE_REGISTRATION' },
    {
      _id: 1,
      status: 1,
      refusal: 1,
      waitingFor: 1,
      sellers: 1,
      'parcel.ref': 1,
      construction: 1,
      'timeline.step': 1,
    },
  );
  const requests = new Map(
    (
      await db.find<OpinionRequestDoc>(
        'construction',
        'opinion_requests',
        {},
        { _id: 1, dossierCode: 1, status: 1 },
      )
    ).map((r) => [r._id, r]),
  );
  const parcels = new Map(
    (
      await db.find<HouseParcel>(
        'land-registry',
        'parcels',
        { _id: { $in: [...new Set(houses.map(parcelId))] } },
        { _id: 1, owners: 1, houses: 1 },
      )
    ).map((p) => [p._id, p]),
  );
  const assessments = await db.find<HouseAssessment>(
    'tax-obligation',
    'assessments',
    { dossierCode: { $in: houses.map((d) => d._id) } },
    { dossierCode: 1, status: 1, notices: 1 },
  );
  const pays = new Map(
    submissions.flatMap((s) => (s.dossierCode ? [[s.dossierCode, s.citizen] as const] : [])),
  );

  // Answers on the bus, per request; a house slip revision per dossier.
  let duplicated = 0;
  for (const [, n] of countBy(bus.events(Topics.ConstructionOpinionGiven), (e) =>
    String(e.payload.requestId),
  ))
    duplicated += n - 1;
  for (const [, n] of countBy(
    bus.events(Topics.HouseSlipSent),
    (e) => `${e.dossierKey}:${String(e.payload.slipRevision)}`,
  ))
    duplicated += n - 1;

  const result: ConstructionAudit = {
    houses: houses.length,
    constructionRequestsUnanswered: 0,
    constructionAnswersDuplicated: duplicated,
    houseDossiersStuck: 0,
    housesMisrecorded: 0,
    houseOwnersLost: 0,
    houseChargesWrong: 0,
  };
  for (const d of houses) {
    const confirmed = steps(d, 'CONSTRUCTION_CONFIRMED');
    if (confirmed > 1) result.constructionAnswersDuplicated += confirmed - 1;
    if (confirmed > 0 && d.refusal?.code === 'CONSTRUCTION.NOT_CONFIRMED')
      result.constructionAnswersDuplicated++;
    if (unanswered(d, requests)) result.constructionRequestsUnanswered++;

    const citizen = pays.get(d._id)?.scenario;
    const waitsForCitizen = d.status === 'WAITING_FOR_PAYMENT' && citizen?.payment === 'NEVER';
    if (
      !SETTLED.includes(d.status) ||
      (d.status === 'WAITING_FOR_PAYMENT' && !waitsForCitizen) ||
      d.waitingFor
    )
      result.houseDossiersStuck++;

    const parcel = parcels.get(parcelId(d));
    const onBook = (parcel?.houses ?? []).filter((h) => h.dossierCode === d._id).length;
    const registered = REGISTERED.includes(d.status);
    const holders = new Set(d.sellers.map((s) => s.citizenId));
    if (registered) {
      if (onBook !== 1) result.housesMisrecorded++;
      const owners = new Set((parcel?.owners ?? []).map((o) => o.citizenId));
      result.houseOwnersLost += [...holders].filter((h) => !owners.has(h)).length;
      if ([...owners].some((o) => !holders.has(o))) result.housesMisrecorded++;
    } else if (onBook > 0) result.housesMisrecorded++;

    const own = assessments.filter((a) => a.dossierCode === d._id);
    const standing = own.filter((a) => ['ASSESSED', 'PAID'].includes(a.status));
    const notConfirmed = d.refusal?.code === 'CONSTRUCTION.NOT_CONFIRMED';
    if (
      (notConfirmed && own.length > 0) ||
      standing.some((a) =>
        a.notices.some((n) => n.code !== 'REGISTRATION_FEE' || n.amountVnd <= 0),
      ) ||
      (registered && !standing.some((a) => a.status === 'PAID'))
    )
      result.houseChargesWrong++;
  }
  return result;
}

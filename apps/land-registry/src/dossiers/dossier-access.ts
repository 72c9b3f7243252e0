import {
  Actor,
  DomainException,
  forbidden,
  hasRole,
  provinceOf,
  Role,
  unitCovers,
} from '@lien-thong/platform';
import { DossierNotFoundException } from './dossiers.exceptions';
import { Dossier } from './schemas/dossier.schema';

/** The officers of the land office who see and act on dossiers of their unit. */
export const LAND_OFFICE_ROLES: Role[] = [Role.CounterOfficer, Role.LandOfficer, Role.LandLeader];

export type Audience = 'officer' | 'party';

/**
 * Who may see a dossier: an officer of the land office whose unit covers it, or a citizen
 * who is its applicant, a seller or a buyer. Anyone else is told it does not exist (404),
 * exactly as for an unknown code, so that codes cannot be probed.
 */
export function audienceFor(actor: Actor, d: Dossier): Audience {
  // The unit that received it at its counter sees it too (routed to the competent unit).
  const covers =
    unitCovers(actor.unit, d.unit) ||
    (!!d.receivingUnit && unitCovers(actor.unit, d.receivingUnit));
  if (hasRole(actor, ...LAND_OFFICE_ROLES) && covers) return 'officer';
  if (actor.citizenId && isParty(actor.citizenId, d)) return 'party';
  throw new DossierNotFoundException();
}

/** Officer actions: the officer must hold one of `roles` and cover the dossier's unit. */
export function assertOfficerOf(actor: Actor, d: Dossier, roles: Role[]): void {
  if (!hasRole(actor, ...LAND_OFFICE_ROLES) || !unitCovers(actor.unit, d.unit))
    throw new DossierNotFoundException();
  if (!hasRole(actor, ...roles)) throw forbidden();
}

/**
 * Where a dossier names its parties, by stored path: the citizen who submitted online, the
 * sellers (donors, the deceased, the holders who mortgage or change a parcel) and the buyers
 * (heirs). One list for the check of one dossier and for the search of a citizen's own.
 */
const PARTY_IDS = {
  applicantCitizenId: (d: Dossier) => [d.applicantCitizenId],
  'sellers.citizenId': (d: Dossier) => d.sellers.map((s) => s.citizenId),
  'buyers.citizenId': (d: Dossier) => d.buyers.map((b) => b.citizenId),
} as const;

function isParty(citizenId: string, d: Dossier): boolean {
  return Object.values(PARTY_IDS).some((ids) => ids(d).includes(citizenId));
}

/** The dossiers a citizen is a party of, as a database filter (each path is indexed). */
export function partyFilter(citizenId: string): { $or: Record<string, string>[] } {
  return { $or: Object.keys(PARTY_IDS).map((path) => ({ [path]: citizenId })) };
}

/**
 * Who may submit: at the counter, a counter officer of the parcel's province (dossiers are
 * received at any point of the province, whatever the commune); online, a logged-in citizen
 * who is one of the sellers or buyers, and who becomes the applicant.
 */
export function assertCanSubmit(
  actor: Actor,
  channel: 'COUNTER' | 'ONLINE',
  provinceCode: string,
  parties: string[],
): void {
  if (channel === 'COUNTER') {
    if (!hasRole(actor, Role.CounterOfficer))
      throw new DomainException(
        'AUTH.COUNTER_ONLY',
        'Chỉ cán bộ Bộ phận Một cửa được tiếp nhận hồ sơ tại quầy',
        403,
      );
    if (!actor.unit || provinceOf(actor.unit) !== provinceCode)
      throw new DomainException(
        'AUTH.OTHER_UNIT',
        'Thửa đất không thuộc tỉnh của đơn vị tiếp nhận',
        403,
      );
    return;
  }
  if (!hasRole(actor, Role.Citizen) || !actor.citizenId)
    throw new DomainException(
      'AUTH.CITIZEN_ONLY',
      'Hồ sơ trực tuyến phải do công dân đăng nhập bằng tài khoản định danh nộp',
      403,
    );
  if (!parties.includes(actor.citizenId))
    throw new DomainException(
      'AUTH.NOT_A_PARTY',
      'Người nộp hồ sơ trực tuyến phải là bên chuyển nhượng hoặc bên nhận chuyển nhượng',
      403,
    );
}

import { ALL_ROLES, Role, ROLE_VI } from './roles';

/**
 * The authenticated person behind a request, read from a verified token only: never from
 * a body, a query or a header the caller writes.
 */
export interface Actor {
  /** The identity provider's stable subject id. */
  subject: string;
  username: string;
  /** Vietnamese order: family name first. */
  fullName: string;
  roles: Role[];
  /**
   * Officers: their unit, a province code ("01") or a province and branch
   * ("01/CN-BADINH"). A unit sees its own dossiers and those of the branches below it.
   */
  unit?: string;
  /** Citizens: the 12-digit citizen ID (from VNeID in a deployment). */
  citizenId?: string;
}

const UNIT = /^\d{2}(\/[A-Z0-9-]{2,30})?$/;
const CITIZEN_ID = /^\d{12}$/;

/** Builds the actor from a verified token's claims (Keycloak's layout). */
export function actorFromClaims(claims: Record<string, unknown>): Actor {
  const realmAccess = claims['realm_access'] as { roles?: unknown } | undefined;
  const roles = (Array.isArray(realmAccess?.roles) ? realmAccess.roles : []).filter(
    (r): r is Role => ALL_ROLES.includes(r as Role),
  );
  const str = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : '');
  const family = str('family_name');
  const given = str('given_name');
  const username = str('preferred_username') || str('sub');
  const unit = str('unit');
  const citizenId = str('citizen_id');
  return {
    subject: str('sub'),
    username,
    fullName: [family, given].filter(Boolean).join(' ') || str('name') || username,
    roles,
    ...(UNIT.test(unit) ? { unit } : {}),
    ...(CITIZEN_ID.test(citizenId) ? { citizenId } : {}),
  };
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** Whether an officer's unit covers a dossier's unit ("01" covers "01" and "01/CN-…"). */
export function unitCovers(officerUnit: string | undefined, unit: string): boolean {
  if (!officerUnit) return false;
  return unit === officerUnit || unit.startsWith(`${officerUnit}/`);
}

/** The province part of a unit code. */
export function provinceOf(unit: string): string {
  return unit.split('/')[0];
}

/** How the actor is named in a timeline: "Lê Thu Hà (Cán bộ Bộ phận Một cửa, 01/CN-BADINH)". */
export function describeActor(actor: Actor, role: Role): string {
  return `${actor.fullName} (${ROLE_VI[role]}${actor.unit ? `, ${actor.unit}` : ''})`;
}

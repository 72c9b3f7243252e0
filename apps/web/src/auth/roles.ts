/**
 * The realm roles (libs/platform/src/auth/roles.ts, a contract with every deployment's realm),
 * as the browser needs them. Copied, not imported: the web application imports no backend code.
 */
export const Role = {
  Citizen: 'citizen',
  CounterOfficer: 'counter-officer',
  LandOfficer: 'land-officer',
  LandLeader: 'land-leader',
  TaxOfficer: 'tax-officer',
  ConstructionOfficer: 'construction-officer',
  Operator: 'operator',
  Auditor: 'auditor',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** The roles that work on the land registry's dossiers (its queue and dossier pages). */
export const LAND_OFFICE_ROLES: Role[] = [Role.CounterOfficer, Role.LandOfficer, Role.LandLeader];

export const ROLE_VI: Record<Role, string> = {
  citizen: 'Công dân',
  'counter-officer': 'Cán bộ Bộ phận Một cửa',
  'land-officer': 'Chuyên viên Văn phòng đăng ký đất đai',
  'land-leader': 'Lãnh đạo Văn phòng đăng ký đất đai',
  'tax-officer': 'Cán bộ cơ quan thuế',
  'construction-officer': 'Cán bộ Sở Xây dựng',
  operator: 'Cán bộ vận hành hệ thống',
  auditor: 'Kiểm toán viên',
};

/** The signed-in person, read from the access token the services verify. */
export interface Actor {
  username: string;
  fullName: string;
  roles: Role[];
  unit?: string;
  citizenId?: string;
}

const ALL = Object.values(Role) as string[];

function payloadOf(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/**
 * Who the token names, for showing the right pages and buttons only: the services decide
 * from the same token, verified, what the person may do.
 */
export function actorFromAccessToken(accessToken: string): Actor {
  const claims = payloadOf(accessToken);
  const str = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : '');
  const realmRoles = (claims['realm_access'] as { roles?: unknown } | undefined)?.roles;
  const roles = (Array.isArray(realmRoles) ? realmRoles : []).filter((r): r is Role =>
    ALL.includes(r as string),
  );
  const username = str('preferred_username') || str('sub');
  return {
    username,
    fullName: [str('family_name'), str('given_name')].filter(Boolean).join(' ') || username,
    roles,
    ...(str('unit') ? { unit: str('unit') } : {}),
    ...(str('citizen_id') ? { citizenId: str('citizen_id') } : {}),
  };
}

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return !!actor && actor.roles.some((r) => roles.includes(r));
}

/**
 * The realm roles of the identity provider (deploy/keycloak/lien-thong-realm.dev.json).
 * The names are a contract with every deployment's realm: never rename one.
 */
export const Role = {
  Citizen: 'citizen',
  /** One-stop counter: receives dossiers, hands results over. */
  CounterOfficer: 'counter-officer',
  /** Land registration office: reviews and proposes. */
  LandOfficer: 'land-officer',
  /** Land registration office leader: approves. */
  LandLeader: 'land-leader',
  TaxOfficer: 'tax-officer',
  ConstructionOfficer: 'construction-officer',
  /** Runs the system: dead letters, maintenance, message bodies. */
  Operator: 'operator',
  /** Reads the audit log, nothing else. */
  Auditor: 'auditor',
  /**
   * A system, not a person: the land registry's service account, which reads the delivery
   * status of the messages sent about a dossier from the notification service for the
   * officer's view (recipients masked, without what the messages said).
   */
  NotificationReader: 'notification-reader',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Every role that works for an agency (has a unit), as opposed to citizens. */
export const OFFICER_ROLES: readonly Role[] = [
  Role.CounterOfficer,
  Role.LandOfficer,
  Role.LandLeader,
  Role.TaxOfficer,
  Role.ConstructionOfficer,
];

/** How a role is named to the people who read the timeline. */
export const ROLE_VI: Record<Role, string> = {
  citizen: 'Công dân',
  'counter-officer': 'Cán bộ Bộ phận Một cửa',
  'land-officer': 'Chuyên viên Văn phòng đăng ký đất đai',
  'land-leader': 'Lãnh đạo Văn phòng đăng ký đất đai',
  'tax-officer': 'Cán bộ cơ quan thuế',
  'construction-officer': 'Cán bộ Sở Xây dựng',
  operator: 'Cán bộ vận hành hệ thống',
  auditor: 'Kiểm toán viên',
  'notification-reader': 'Hệ thống đọc trạng thái tin nhắn',
};

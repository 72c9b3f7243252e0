/**
 * The dossier as the workflow decides on it: plain types, no database. The collection's
 * schema (schemas/dossier.schema.ts) stores exactly this.
 */
import type { Pause, PauseReason } from '@lien-thong/calendar';
import type {
  Agency,
  ApplicantV1,
  CertificateChoice,
  FeeLineV1,
  HeirV1,
  HouseV1,
  OpinionReasonV1,
  PaymentNoticeV1,
  PersonV1,
  ProcedureKey,
  PurposeChangeDecisionV1,
  SellerV1,
} from '@lien-thong/contracts';
import type { OutboxEntry } from '@lien-thong/messaging';
import type { Certificate, CertificateOutcome } from '../reference-data/schemas/parcel.schema';

/**
 * The steps of a transfer (domain.md, "Lifecycle"): received → parcel check → tax
 * (slip sent, obligations determined) → citizen pays → holds re-checked → the land office
 * reviews (an officer claims it from the unit's queue and proposes) → a leader approves
 * (or sends it back) → registered (result ready at the counter or sent by post) → done;
 * or refused; or withdrawn by the applicant; or back with the citizen to supplement.
 */
export const DOSSIER_STATUSES = [
  'CHECKING_PARCEL',
  'WAITING_FOR_CONSTRUCTION',
  'WAITING_FOR_TAX',
  'WAITING_FOR_PAYMENT',
  'RECHECKING_HOLDS',
  'IN_REVIEW',
  'AWAITING_APPROVAL',
  'RESULT_READY',
  'DONE',
  'REFUSED',
  'WITHDRAWN',
  'SUPPLEMENT_REQUESTED',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
/** No agency or officer will act on these again (the result may still be handed over). */
export const FINISHED: readonly DossierStatus[] = ['RESULT_READY', 'DONE', 'REFUSED', 'WITHDRAWN'];
/**
 * The others, named rather than "not finished" in look-ups: the status index serves `$in`
 * (also on FerretDB), so a look-up reads the running dossiers, however many have finished.
 */
export const UNFINISHED: readonly DossierStatus[] = DOSSIER_STATUSES.filter(
  (s) => !FINISHED.includes(s),
);

/** Who has the dossier in hand right now (inside the land office: see `assignee`). */
export type Holder =
  'land-registry' | 'secured-transactions' | 'tax-obligation' | 'construction' | 'citizen' | 'none';

/** The dossier handed to another agency, and by when it must answer (inter-agency rules). */
export interface Handoff {
  agency: 'secured-transactions' | 'tax-obligation' | 'construction';
  step: string;
  at: Date;
  /** null where the rules set no deadline for this agency. */
  dueAt: Date | null;
  /** When the dossier was flagged as waiting for a late agency. */
  lateFlaggedAt: Date | null;
}

/** A handoff the agency answered after its deadline (statistics by agency). */
export interface LateHandoff {
  agency: Handoff['agency'];
  step: string;
  dueAt: Date;
  answeredAt: Date;
}

/** A hold the registry told us of while a check of the parcel was on its way. */
export interface HoldNotice {
  documentNumber: string;
  authority: string;
  /** On the registry's clock, like a check's as-of time. */
  placedAt: string;
  liftedAt?: string;
}

/** A person of the land office, as the token named them. */
export interface OfficerRef {
  /** The identity provider's username (stable, what a leader assigns to). */
  username: string;
  /** "Trần Minh Quân (Chuyên viên đăng ký đất đai, 01/CN-BADINH)" */
  describedAs: string;
}

/** What the reviewing officer proposed to the leader. */
export interface Proposal {
  at: Date;
  by: OfficerRef;
  opinionVi: string;
}

export type { CertificateOutcome };

/** Where to pick up after a supplement. */
export type ResumeStep =
  'PARCEL_CHECK' | 'CONSTRUCTION_OPINION' | 'TRANSFER_SLIP' | 'HOLDS_RECHECK' | 'REVIEW';

export interface TimelineEntry {
  at: Date;
  step: string;
  actor: string;
  noteVi: string;
  /** The deadline of the step, when it has one. */
  deadlineAt?: Date | null;
}

export interface SlipParcel {
  ref: { communeCode: string; mapSheetNumber: number; parcelNumber: number };
  address: string;
  provinceCode: string;
  areaTenthsM2: number;
  purposeCode: string;
  term: string;
  origin: string;
  priceZone: string;
  pricePosition: number;
}

export interface TransferTerms {
  kind: 'SALE' | 'GIFT' | 'INHERITANCE' | 'DIVORCE_DIVISION';
  contractDate: string;
  declaredPriceVnd?: number;
  transfersWhole: boolean;
  mortgageeConsent?: { documentNumber: string; signedOn: string } | null;
}

export type StoredPause = Pause & { reason: PauseReason };

/** An inheritance: who inherits what, and on which document (agreement or court decision). */
export interface InheritanceTerms {
  heirs: HeirV1[];
  basis: {
    kind: 'AGREEMENT' | 'COURT_DECISION';
    number: string;
    date: string;
    issuedBy: string;
  };
  /** When the holder died (the estate opens then). */
  deceasedOn: string;
}

/** A mortgage to register (Decree 99/2022), and its number once registered. */
export interface MortgageTerms {
  mortgagee: string;
  contractNumber: string;
  contractDate: string;
  securedAmountVnd?: number;
  /** Given at registration: `TC-<dossier code>`. */
  registrationNumber: string | null;
}

/** A mortgage registered earlier by the land office, now to be deregistered. */
export interface MortgageReleaseTerms {
  registrationNumber: string;
  mortgagee: string;
  reasonVi: string;
}

export interface PurposeChangeTerms {
  decision: PurposeChangeDecisionV1;
  fromPurpose: string;
  toPurpose: string;
  convertedAreaTenthsM2: number;
  parcelHasResidentialLand: boolean;
  householdUsedReducedTiers: boolean;
}

/** The construction authority's confirmation of a house (HOUSE_REGISTRATION). */
export interface ConstructionOpinion {
  requestId: string;
  requestedAt: Date;
  dueAt: Date | null;
  outcome: 'CONFIRMED' | 'NOT_CONFIRMED' | null;
  reasons: OpinionReasonV1[];
  reference: string | null;
  answeredAt: Date | null;
}

/** A dossier of the transfer procedure, as stored and as the workflow decides on it. */
export interface Dossier {
  /** The dossier code (mã hồ sơ). */
  _id: string;

  status: DossierStatus;

  heldBy: Holder;

  /** An external agency this dossier is waiting for because its system is down. */
  waitingFor: { agency: Agency; since: Date } | null;

  channel: 'ONLINE' | 'COUNTER';

  resultDelivery: 'COUNTER' | 'POST';

  postalAddress: string | null;

  /** Annotate the existing certificate or issue a new one at registration, as the applicant chose. */
  certificateChoice: CertificateChoice;

  /** The national procedure code (several procedures may share one). */
  procedureCode: string;

  /** Which of the one-stop's procedures; absent on dossiers stored before there were several. */
  procedure?: ProcedureKey;

  /** The provincial fees and charges, as printed on the receipt. */
  fees?: FeeLineV1[];

  receivedAt: Date;

  remote: boolean;

  workingDaysAllowed: number;

  /** The appointment on the receipt (form 01). */
  appointmentAt: Date;

  /** The current deadline: the appointment moved by the pauses; null while paused. */
  dueAt: Date | null;

  pauses: StoredPause[];

  applicant: ApplicantV1;

  parcel: SlipParcel;

  certificate: Certificate;

  /** The terms of a transfer or an inheritance; null for the other procedures. */
  transfer: TransferTerms | null;

  /** Transferors: sellers, donors, the deceased; for other procedures, the current holders. */
  sellers: SellerV1[];

  /** Who receives the right (buyers, heirs); empty where nobody does. */
  buyers: PersonV1[];

  inheritance?: InheritanceTerms | null;

  mortgage?: MortgageTerms | null;

  mortgageRelease?: MortgageReleaseTerms | null;

  purposeChange?: PurposeChangeTerms | null;

  house?: HouseV1 | null;

  construction?: ConstructionOpinion | null;

  slipRevision: number;

  resumeStep: ResumeStep | null;

  assessment: {
    assessmentId: string;
    totalVnd: number;
    notices: PaymentNoticeV1[];
    payUrl?: string;
  } | null;

  payment: { paidAt: Date; amountVnd: number; transactionId: string; late: boolean } | null;

  refusal: { code: string; reasonVi: string } | null;

  /** The one allowed reset of the appointment (form 04), if it happened. */
  delay: { previousAppointmentAt: Date; newAppointmentAt: Date } | null;

  /** The agency the dossier is with now, and its deadline; null when no agency has it. */
  handoff: Handoff | null;

  lateHandoffs: LateHandoff[];

  /** Holds heard of while a check was on its way: applied if its answer predates them. */
  holdNotices?: HoldNotice[];

  /**
   * The officer holding the dossier inside the land office: null while it waits in its
   * unit's review queue (or outside the office).
   */
  assignee: OfficerRef | null;

  proposal: Proposal | null;

  /** The leader who approved registration; a registered dossier always has one. */
  approval: { at: Date; by: OfficerRef } | null;

  certificateOutcome: CertificateOutcome | null;

  /**
   * Approved, but the cadastral book is not written yet: the dossier is registered first (so
   * that a hold or a withdrawal racing the approval cannot leave a book changed for a refused
   * dossier) and the book follows, retried until written.
   */
  cadastralPending: boolean;

  withdrawal: {
    at: Date;
    by: 'CITIZEN' | 'COUNTER_OFFICER';
    actor: string;
    reasonVi: string;
  } | null;

  registeredAt: Date | null;

  finishedAt: Date | null;

  timeline: TimelineEntry[];

  /**
   * SHA-256 of the tracking secret printed on the receipt (random, 50 bits): with the code,
   * what tracking without login asks for. The secret itself is never stored.
   */
  trackingSecretHash: string;

  /** The unit competent for the dossier (units.json): officers see the dossiers their unit covers. */
  unit: string;

  /**
   * The unit that received it, when another than the competent one (a citizen may submit at
   * any unit of the province): it sees the dossier too.
   */
  receivingUnit?: string | null;

  /** The logged-in citizen who submitted online (null at the counter, where an officer did). */
  applicantCitizenId: string | null;

  /** Optimistic concurrency: every write checks and bumps it. */
  rev: number;

  handledEvents: string[];

  outbox: OutboxEntry[];
}

/** The dossier's procedure (dossiers stored before there were several are transfers). */
export function procedureOf(d: Pick<Dossier, 'procedure'>): ProcedureKey {
  return d.procedure ?? 'TRANSFER';
}

import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCertificateSerial, IsContractDate, IsPersonName, IsPlainText } from '../validation';
import { ContactV1, ParcelRefV1, PersonV1 } from './values';
import { PROCEDURES, ProcedureKey } from './procedures';

export const CHANNELS = ['ONLINE', 'COUNTER'] as const;
export const RESULT_DELIVERIES = ['COUNTER', 'POST'] as const;
export const CHECK_STAGES = ['RECEIPT', 'PRE_REGISTRATION'] as const;
/** What registration does to the certificate, as the applicant chose on the form. */
export const CERTIFICATE_CHOICES = ['ANNOTATE', 'NEW_CERTIFICATE'] as const;
export type CertificateChoice = (typeof CERTIFICATE_CHOICES)[number];
/** Who withdrew a dossier before registration. */
export const WITHDRAWN_BY = ['CITIZEN', 'COUNTER_OFFICER'] as const;
export const TRANSFER_KINDS = ['SALE', 'GIFT', 'INHERITANCE', 'DIVORCE_DIVISION'] as const;
export const RELATIONSHIPS = [
  'NONE',
  'SPOUSE',
  'PARENT_CHILD',
  'ADOPTIVE_PARENT_CHILD',
  'PARENT_IN_LAW_CHILD_IN_LAW',
  'GRANDPARENT_GRANDCHILD',
  'SIBLING',
] as const;

export type CheckStage = (typeof CHECK_STAGES)[number];

/** The applicant the land office deals with, and how to reach them. */
export class ApplicantV1 {
  @IsString()
  @IsPersonName()
  fullName!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ContactV1)
  contact!: ContactV1;
}

/**
 * A provincial fee or charge of the procedure (dossier appraisal fee, certificate issuance
 * charge, registration charge…), set by the province's People's Council decision it cites,
 * with the province's online reduction where its decision lists this line.
 */
export class FeeLineV1 {
  @Matches(/^[A-Z_]+$/)
  code!: string;

  @IsString()
  labelVi!: string;

  @IsInt()
  @Min(0)
  amountVnd!: number;

  /** The amount before the online reduction, when one applied. */
  @IsOptional()
  @IsInt()
  @Min(0)
  fullAmountVnd?: number;

  /** "Nghị quyết số …/2025/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội" */
  @IsString()
  decisionVi!: string;
}

/** A dossier was received (form 01: receipt and appointment). */
export class DossierReceivedV1 {
  @IsString()
  dossierCode!: string;

  /** National procedure code; 1.013831 is registration of changes (đăng ký biến động). */
  @IsString()
  procedureCode!: string;

  /** Which of the one-stop's procedures (added in place: absent means TRANSFER). */
  @IsOptional()
  @IsIn(PROCEDURES)
  procedure?: ProcedureKey;

  @IsIn(CHANNELS)
  channel!: (typeof CHANNELS)[number];

  @IsISO8601({ strict: true })
  receivedAt!: string;

  /** The appointment to return the result (working days, holidays excluded). */
  @IsISO8601({ strict: true })
  appointmentAt!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantV1)
  applicant!: ApplicantV1;

  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRefV1)
  parcel!: ParcelRefV1;

  @IsIn(RESULT_DELIVERIES)
  resultDelivery!: (typeof RESULT_DELIVERIES)[number];

  /** The provincial fees and charges of the procedure (added in place: absent before). */
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => FeeLineV1)
  fees?: FeeLineV1[];

  /**
   * The tracking secret printed on the receipt, for the receipt message to the applicant's
   * own phone and e-mail only: its link opens the tracking page with both code and secret
   * filled in. Never logged (masked by key); the land registry keeps only its hash. Added in
   * place: absent before.
   */
  @IsOptional()
  @Matches(/^[A-Za-z2-9]{10}$/)
  trackingSecret?: string;
}

/** The land office asks the secured-transactions service to check a parcel. */
export class ParcelCheckRequestedV1 {
  @IsString()
  dossierCode!: string;

  /** On receipt, and again just before registration (a hold may arrive in between). */
  @IsIn(CHECK_STAGES)
  stage!: CheckStage;

  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRefV1)
  parcel!: ParcelRefV1;

  @IsString()
  @IsCertificateSerial()
  certificateSerial!: string;
}

export class SellerV1 extends PersonV1 {
  /** Co-owner's share as a fraction; equal shares when no document says otherwise. */
  @IsInt()
  @Min(1)
  shareNumerator!: number;

  @IsInt()
  @Min(1)
  shareDenominator!: number;

  @IsIn(RELATIONSHIPS)
  relationshipToBuyer!: (typeof RELATIONSHIPS)[number];

  /** Facts for the sole-residence income-tax exemption, judged per co-owner. */
  @IsOptional()
  @IsIn([true, false])
  ownsOtherResidentialProperty?: boolean;
}

export class SlipParcelV1 {
  @IsObject()
  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRefV1)
  ref!: ParcelRefV1;

  @IsString()
  @IsPlainText()
  address!: string;

  @Matches(/^\d{2}$/)
  provinceCode!: string;

  /** Area in tenths of a square metre (100.0 m² is 1000), so that it stays an integer. */
  @IsInt()
  @Min(1)
  areaTenthsM2!: number;

  /** Land-use purpose code (Circular 08/2024): ODT, ONT, CLN, LUC, HNK, NTS… */
  @Matches(/^[A-Z]{3}$/)
  purposeCode!: string;

  @IsString()
  term!: string;

  @IsString()
  origin!: string;

  /** Price-table zone and position of the parcel, used to find its unit price. */
  @IsString()
  priceZone!: string;

  @IsInt()
  @Min(1)
  pricePosition!: number;
}

/** An heir and the share of the estate's land-use right they receive. */
export class HeirV1 extends PersonV1 {
  @IsInt()
  @Min(1)
  shareNumerator!: number;

  @IsInt()
  @Min(1)
  shareDenominator!: number;

  @IsIn(RELATIONSHIPS)
  relationshipToDeceased!: (typeof RELATIONSHIPS)[number];
}

/**
 * The transfer slip (phiếu chuyển thông tin, form 19 of Decree 151/2025 as amended by
 * Decree 226/2025) from which the tax authority determines the obligations.
 */
export class TransferSlipSentV1 {
  @IsString()
  dossierCode!: string;

  /** Increases when a slip returned for correction is sent again. */
  @IsInt()
  @Min(1)
  slipRevision!: number;

  @IsISO8601({ strict: true })
  completeReceiptAt!: string;

  @IsString()
  procedureCode!: string;

  @IsIn(TRANSFER_KINDS)
  transferKind!: (typeof TRANSFER_KINDS)[number];

  /** A calendar date, checked exactly as the public API checks it. */
  @IsString()
  @IsContractDate()
  contractDate!: string;

  @IsISO8601({ strict: true })
  declarationDate!: string;

  /** Declared contract price in whole VND; absent or 0 means the price table applies. */
  @IsOptional()
  @IsInt()
  @Min(0)
  declaredPriceVnd?: number;

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SellerV1)
  sellers!: SellerV1[];

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => PersonV1)
  buyers!: PersonV1[];

  @IsObject()
  @ValidateNested()
  @Type(() => SlipParcelV1)
  parcel!: SlipParcelV1;

  @IsString()
  @IsCertificateSerial()
  certificateSerial!: string;

  /** When the current certificate was issued (the 183-day sole-residence test counts from it). */
  @IsISO8601({ strict: true })
  certificateIssuedOn!: string;

  @IsIn([true, false])
  transfersWhole!: boolean;

  /**
   * An inheritance (transferKind INHERITANCE): each heir with the share the inheritance
   * agreement or the court decision gives them and their tie to the deceased holders (the
   * sellers), which decide each heir's income tax and registration-fee exemption. Added in
   * place: absent on every other kind.
   */
  @IsOptional()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => HeirV1)
  heirs?: HeirV1[];
}

/** An officer asked the citizen to supplement the dossier (form 02); the clock pauses. */
export class SupplementRequestedV1 {
  @IsString()
  dossierCode!: string;

  @IsString()
  reasonVi!: string;

  @IsString()
  officer!: string;
}

/** The dossier was refused (form 03), with the reason a citizen reads. */
export class DossierRefusedV1 {
  @IsString()
  dossierCode!: string;

  @Matches(/^[A-Z_]+\.[A-Z_]+$/)
  reasonCode!: string;

  @IsString()
  reasonVi!: string;
}

/** The change was registered and the result is ready at the counter or sent by post. */
export class DossierRegisteredV1 {
  @IsString()
  dossierCode!: string;

  @IsISO8601({ strict: true })
  registeredAt!: string;

  @IsIn(RESULT_DELIVERIES)
  resultDelivery!: (typeof RESULT_DELIVERIES)[number];

  /** Where to collect the result, or the postal address it is sent to. */
  @IsString()
  collectAtVi!: string;

  /** Annotated on the existing certificate, or a new certificate issued (added in place: optional). */
  @IsOptional()
  @IsIn(CERTIFICATE_CHOICES)
  certificateChoice?: CertificateChoice;

  /** The serial of the certificate the owners now hold (the new one when one was issued). */
  @IsOptional()
  @IsString()
  @IsCertificateSerial()
  certificateSerial?: string;

  /** Which procedure was completed (added in place: absent means TRANSFER). */
  @IsOptional()
  @IsIn(PROCEDURES)
  procedure?: ProcedureKey;
}

/**
 * The dossier was withdrawn before registration, by the applicant or at the counter on their
 * request. Like a refusal, it closes the dossier: any tax filing is voided and any payment
 * order cancelled (or refunded if paid).
 */
export class DossierWithdrawnV1 {
  @IsString()
  dossierCode!: string;

  @IsIn(WITHDRAWN_BY)
  withdrawnBy!: (typeof WITHDRAWN_BY)[number];

  @IsString()
  reasonVi!: string;

  @IsISO8601({ strict: true })
  withdrawnAt!: string;
}

/** The dossier will be late: apology (form 04) with a new date, at most once. */
export class DossierDelayedV1 {
  @IsString()
  dossierCode!: string;

  @IsISO8601({ strict: true })
  previousAppointmentAt!: string;

  @IsISO8601({ strict: true })
  newAppointmentAt!: string;

  @IsString()
  reasonVi!: string;
}

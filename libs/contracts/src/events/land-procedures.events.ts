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
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCertificateSerial, IsContractDate, IsPlainText } from '../validation';
import { SlipParcelV1 } from './land-registry.events';
import { ParcelRefV1, PersonV1 } from './values';

/*
 * Events of the procedures other than a transfer (the procedure catalogue, libs/procedures).
 * An inheritance travels as a transfer slip of kind INHERITANCE (land-registry.events.ts).
 */

/** The commune People's Committee's decision allowing a change of land-use purpose. */
export class PurposeChangeDecisionV1 {
  @IsString()
  @IsPlainText()
  number!: string;

  /** Chooses the levy rules and the price table (Decree 103/2024). */
  @IsString()
  @IsContractDate()
  date!: string;

  @IsString()
  @IsPlainText()
  authority!: string;
}

/**
 * The slip for a change of land-use purpose (form 19, purpose-change part): the tax authority
 * assesses the land-use levy (Decree 103/2024) within 5 working days; 50 % is due within
 * 30 days and the rest within 90.
 */
export class PurposeChangeSlipSentV1 {
  @IsString()
  dossierCode!: string;

  @IsInt()
  @Min(1)
  slipRevision!: number;

  @IsISO8601({ strict: true })
  completeReceiptAt!: string;

  @IsString()
  procedureCode!: string;

  /** The household or individual using the land (the levy's payer); the first is named on notices. */
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => PersonV1)
  landUsers!: PersonV1[];

  @IsObject()
  @ValidateNested()
  @Type(() => SlipParcelV1)
  parcel!: SlipParcelV1;

  @IsString()
  @IsCertificateSerial()
  certificateSerial!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => PurposeChangeDecisionV1)
  decision!: PurposeChangeDecisionV1;

  @Matches(/^[A-Z]{3}$/)
  fromPurpose!: string;

  @Matches(/^[A-Z]{3}$/)
  toPurpose!: string;

  /** Area converted, in tenths of a m² (at most the parcel's). */
  @IsInt()
  @Min(1)
  convertedAreaTenthsM2!: number;

  /** The converted land lies in a parcel that already has residential land (reduced tiers). */
  @IsIn([true, false])
  parcelHasResidentialLand!: boolean;

  /** The household already used the reduced tiers once (they apply once per household). */
  @IsIn([true, false])
  householdUsedReducedTiers!: boolean;
}

export const HOUSE_KINDS = ['DETACHED_HOUSE', 'APARTMENT', 'OTHER_WORK'] as const;
/** Construction grade of a house (cấp nhà), which decides its new-build price per m². */
export const HOUSE_GRADES = ['I', 'II', 'III', 'IV'] as const;

/** A building permit, or the basis of an exemption from one. */
export class BuildingPermitV1 {
  @IsString()
  @IsPlainText()
  number!: string;

  @IsString()
  @IsContractDate()
  issuedOn!: string;

  @IsString()
  @IsPlainText()
  authority!: string;
}

export class CompletionAcceptanceV1 {
  @IsString()
  @IsPlainText()
  number!: string;

  @IsString()
  @IsContractDate()
  date!: string;
}

/** A house or other work attached to land, as declared for its registration. */
export class HouseV1 {
  @IsIn(HOUSE_KINDS)
  kind!: (typeof HOUSE_KINDS)[number];

  @IsIn(HOUSE_GRADES)
  grade!: (typeof HOUSE_GRADES)[number];

  /** Total floor area in tenths of a m². */
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  floorAreaTenthsM2!: number;

  @IsInt()
  @Min(1)
  @Max(200)
  floors!: number;

  @IsInt()
  @Min(1900)
  @Max(2100)
  builtYear!: number;

  /** Absent when the work is exempt from a permit (then `permitExemptionVi` says why). */
  @IsOptional()
  @ValidateNested()
  @Type(() => BuildingPermitV1)
  permit?: BuildingPermitV1;

  @IsOptional()
  @IsString()
  @IsPlainText()
  permitExemptionVi?: string;

  /** Completion acceptance, where the work requires one. */
  @IsOptional()
  @ValidateNested()
  @Type(() => CompletionAcceptanceV1)
  completionAcceptance?: CompletionAcceptanceV1;
}

/**
 * The slip for registering a house on land: the registration fee (lệ phí trước bạ, 0.5 %)
 * on the house's value (floor area × the province's new-build price for its grade × the
 * remaining quality for its age).
 */
export class HouseSlipSentV1 {
  @IsString()
  dossierCode!: string;

  @IsInt()
  @Min(1)
  slipRevision!: number;

  @IsISO8601({ strict: true })
  completeReceiptAt!: string;

  @IsString()
  procedureCode!: string;

  @IsISO8601({ strict: true })
  declarationDate!: string;

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => PersonV1)
  owners!: PersonV1[];

  @IsObject()
  @ValidateNested()
  @Type(() => SlipParcelV1)
  parcel!: SlipParcelV1;

  @IsString()
  @IsCertificateSerial()
  certificateSerial!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => HouseV1)
  house!: HouseV1;
}

/**
 * The land office asks the construction authority to confirm a house or work (permit or
 * exemption, conformity with the permit and planning, completion acceptance): the answer is
 * due by `dueAt` (the province's inter-agency regulation). No personal data: the work is
 * identified by its parcel and documents.
 */
export class ConstructionOpinionRequestedV1 {
  @IsString()
  dossierCode!: string;

  /** One request per dossier and attempt: `<dossier>:C<n>`. */
  @IsString()
  requestId!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRefV1)
  parcel!: ParcelRefV1;

  @Matches(/^\d{2}$/)
  provinceCode!: string;

  @IsString()
  @IsPlainText()
  address!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => HouseV1)
  house!: HouseV1;

  @IsISO8601({ strict: true })
  requestedAt!: string;

  @IsISO8601({ strict: true })
  dueAt!: string;
}

/** A mortgage of a land-use right, registered by the land office (Decree 99/2022). */
export class MortgageRegisteredV1 {
  @IsString()
  dossierCode!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRefV1)
  parcel!: ParcelRefV1;

  /** The registration number the land office gave it; deregistration names it. */
  @IsString()
  registrationNumber!: string;

  /** The bank or other secured party. */
  @IsString()
  @IsPlainText()
  mortgagee!: string;

  @IsISO8601({ strict: true })
  registeredAt!: string;
}

/** A mortgage registered by the land office was deregistered: parcel checks no longer show it. */
export class MortgageReleasedV1 {
  @IsString()
  dossierCode!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRefV1)
  parcel!: ParcelRefV1;

  @IsString()
  registrationNumber!: string;

  @IsISO8601({ strict: true })
  releasedAt!: string;
}

import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCitizenId, IsPersonName, IsPlainText } from '../validation';

/** A parcel as the cadastral map names it: commune, map sheet (tờ bản đồ), parcel (thửa). */
export class ParcelRefV1 {
  /** Commune code after the 2025 reform (5 digits); there are no districts any more. */
  @Matches(/^\d{5}$/)
  communeCode!: string;

  @IsInt()
  @Min(1)
  mapSheetNumber!: number;

  @IsInt()
  @Min(1)
  parcelNumber!: number;
}

/** How to reach a person: at least one of phone or e-mail is given by the land office. */
export class ContactV1 {
  @IsOptional()
  @Matches(/^0\d{9}$/)
  phone?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsIn([true, false])
  zalo?: boolean;
}

/** A party as the land registry accepted it: the same validators as its public API. */
export class PersonV1 {
  @IsString()
  @IsPersonName()
  fullName!: string;

  /** 12-digit citizen ID (CCCD), which is also the personal tax code since 1 July 2025. */
  @IsString()
  @IsCitizenId()
  citizenId!: string;

  @IsString()
  @IsPlainText()
  address!: string;
}

export const MORTGAGE_STATUSES = ['CLEAR', 'MORTGAGED', 'BLOCKED', 'DISPUTED'] as const;
export type EncumbranceStatus = (typeof MORTGAGE_STATUSES)[number];

export class MortgageV1 {
  @IsString()
  mortgagee!: string;

  @IsString()
  registrationNumber!: string;

  @IsISO8601({ strict: true })
  registeredOn!: string;
}

export class HoldV1 {
  /** Court, enforcement agency, police, prosecutor or land office that issued the hold. */
  @IsString()
  authority!: string;

  @IsString()
  documentNumber!: string;

  @IsISO8601({ strict: true })
  issuedOn!: string;

  @IsOptional()
  @IsString()
  reason?: string;
}

export class DisputeV1 {
  @IsString()
  authority!: string;

  @IsString()
  description!: string;

  @IsISO8601({ strict: true })
  filedOn!: string;
}

/** What the registry said about a parcel; details present according to the status. */
export class EncumbranceV1 {
  @IsIn(MORTGAGE_STATUSES)
  status!: EncumbranceStatus;

  @IsOptional()
  @ValidateNested()
  @Type(() => MortgageV1)
  mortgage?: MortgageV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => HoldV1)
  hold?: HoldV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => DisputeV1)
  dispute?: DisputeV1;

  /**
   * The registry's as-of time, on its own clock: the answer reflects every hold placed or
   * lifted before it. Absent from answers given before registries reported it.
   */
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

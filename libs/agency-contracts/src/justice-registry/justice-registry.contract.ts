import { Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, IsText, IsTimestamp } from '../common/validation';

/**
 * The Justice Department's registry of secured transactions and holds (thông tin ngăn chặn).
 * A client's JUSTICE_REGISTRY_URL is the API root, `<simulators>/justice/v1` for the
 * simulator; paths below are relative to it.
 */
export const JUSTICE_REGISTRY_API = {
  simulatorMount: '/justice/v1',
  parcelChecks: '/parcel-checks',
} as const;

/**
 * The status names the most restrictive encumbrance: a hold (BLOCKED) outranks a dispute,
 * which outranks a mortgage; the details of every encumbrance present are still returned.
 */
export const PARCEL_STATUSES = ['CLEAR', 'MORTGAGED', 'BLOCKED', 'DISPUTED'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

export const JUSTICE_ERRORS = {
  HOLD_NOT_FOUND: 'JUSTICE.HOLD_NOT_FOUND',
  /** 409: a lifted hold is finished; a new decision comes with a new document number. */
  HOLD_ALREADY_LIFTED: 'JUSTICE.HOLD_ALREADY_LIFTED',
} as const;

/** A parcel as the cadastre names it: commune, map sheet (số tờ), parcel number (số thửa). */
export class ParcelRef {
  @IsString()
  @Matches(/^\d{5}$/, { message: 'Mã xã gồm 5 chữ số' })
  communeCode!: string;

  @IsInt()
  @Min(1)
  @Max(99_999)
  mapSheetNumber!: number;

  @IsInt()
  @Min(1)
  @Max(9_999_999)
  parcelNumber!: number;
}

export class ParcelCheckRequest {
  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRef)
  parcel!: ParcelRef;

  /** 2 letters + 6 digits (older certificates) or 2 letters + 8 digits (Circular 10/2024). */
  @IsString()
  @Matches(/^[A-Z]{2}(\d{6}|\d{8})$/, {
    message: 'Số seri giấy chứng nhận gồm 2 chữ cái in hoa và 6 hoặc 8 chữ số',
  })
  certificateSerial!: string;
}

/** A mortgage of the land-use right (registered by the land office, Decree 99/2022). */
export class MortgageRecord {
  @IsText(200)
  @IsNotEmpty()
  mortgagee!: string;

  @IsText(64)
  @IsNotEmpty()
  registrationNumber!: string;

  @IsIsoDate()
  registeredOn!: string;
}

/** A hold (ngăn chặn) from a court, prosecutor, enforcement agency, police or land office. */
export class HoldRecord {
  @IsText(200)
  @IsNotEmpty()
  authority!: string;

  @IsText(64)
  @IsNotEmpty()
  documentNumber!: string;

  @IsIsoDate()
  issuedOn!: string;

  @IsText(500)
  @IsNotEmpty()
  reason!: string;
}

export class DisputeRecord {
  @IsText(200)
  @IsNotEmpty()
  authority!: string;

  @IsText(500)
  @IsNotEmpty()
  description!: string;

  @IsIsoDate()
  filedOn!: string;
}

export class ParcelCheckResponse {
  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRef)
  parcel!: ParcelRef;

  @IsString()
  certificateSerial!: string;

  @IsIn(PARCEL_STATUSES)
  status!: ParcelStatus;

  @IsOptional()
  @ValidateNested()
  @Type(() => MortgageRecord)
  mortgage?: MortgageRecord;

  /** The most recently placed hold when there are several. */
  @IsOptional()
  @ValidateNested()
  @Type(() => HoldRecord)
  hold?: HoldRecord;

  @IsOptional()
  @ValidateNested()
  @Type(() => DisputeRecord)
  dispute?: DisputeRecord;

  @IsTimestamp()
  checkedAt!: string;

  /**
   * The registry's as-of time, on its own clock: the answer reflects every hold placed or
   * lifted before this instant (a point-in-time answer). Optional: older registries omit it,
   * and a client then takes checkedAt.
   */
  @IsOptional()
  @IsTimestamp()
  asOf?: string;
}

/**
 * Simulator admin: a hold that arrives mid-process. Idempotent by parcel and
 * hold.documentNumber.
 */
export class PlaceHoldRequest {
  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRef)
  parcel!: ParcelRef;

  @IsObject()
  @ValidateNested()
  @Type(() => HoldRecord)
  hold!: HoldRecord;
}

/**
 * A hold as placed: the admin call's answer and the body POSTed to the hold webhook, which
 * stands for the blocking database pushing news of a hold: once when it is placed, and once
 * more with liftedAt when it is lifted.
 */
export class HoldPlacement {
  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRef)
  parcel!: ParcelRef;

  @IsObject()
  @ValidateNested()
  @Type(() => HoldRecord)
  hold!: HoldRecord;

  /** On the registry's clock, as are liftedAt and a parcel check's asOf. */
  @IsTimestamp()
  placedAt!: string;

  /** Present when the hold was lifted (the lift's push): it no longer stops anything. */
  @IsOptional()
  @IsTimestamp()
  liftedAt?: string;
}

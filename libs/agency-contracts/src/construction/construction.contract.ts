import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIdempotencyId, IsIsoDate, IsText, IsTimestamp } from '../common/validation';
import { ParcelRef } from '../justice-registry/justice-registry.contract';

/**
 * The provincial construction department's (Sở Xây dựng) system for confirming a house or
 * other work attached to land before the land office registers it (Decree 101/2024 art. 37:
 * the land office asks the construction authority where the work's conformity is in doubt).
 * CONSTRUCTION_URL is the API root (`<simulators>/construction/v1` for the simulator).
 * The department answers later: a request is submitted (202 PENDING) and looked up until
 * it is ANSWERED.
 */
export const CONSTRUCTION_API = {
  simulatorMount: '/construction/v1',
  conformityRequests: '/conformity-requests',
  conformityRequest: (requestId: string) => `/conformity-requests/${encodeURIComponent(requestId)}`,
  cancellation: (requestId: string) =>
    `/conformity-requests/${encodeURIComponent(requestId)}/cancellation`,
} as const;

export const CONFORMITY_STATUSES = ['PENDING', 'ANSWERED', 'CANCELLED'] as const;
export type ConformityStatus = (typeof CONFORMITY_STATUSES)[number];
export const CONFORMITY_OUTCOMES = ['CONFIRMED', 'NOT_CONFIRMED'] as const;
export type ConformityOutcome = (typeof CONFORMITY_OUTCOMES)[number];

export const CONSTRUCTION_ERRORS = {
  REQUEST_NOT_FOUND: 'CONSTRUCTION.REQUEST_NOT_FOUND',
  /** 409: the requestId was already used for another work. */
  REQUEST_ID_REUSED: 'CONSTRUCTION.REQUEST_ID_REUSED',
  /** Reasons of a NOT_CONFIRMED answer. */
  NO_PERMIT: 'CONSTRUCTION.NO_PERMIT',
  NOT_CONFORMING: 'CONSTRUCTION.NOT_CONFORMING',
} as const;

export class ConformityPermit {
  @IsText(64)
  number!: string;

  @IsIsoDate()
  issuedOn!: string;

  @IsText(200)
  authority!: string;
}

export class ConformityCompletion {
  @IsText(64)
  number!: string;

  @IsIsoDate()
  date!: string;
}

/** The work as the land office describes it: no personal data, only parcel and documents. */
export class ConformityWork {
  @IsText(40)
  kind!: string;

  @IsIn(['I', 'II', 'III', 'IV'])
  grade!: string;

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

  @IsOptional()
  @ValidateNested()
  @Type(() => ConformityPermit)
  permit?: ConformityPermit;

  @IsOptional()
  @IsText(500)
  permitExemptionVi?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ConformityCompletion)
  completionAcceptance?: ConformityCompletion;
}

export class ConformityRequest {
  /** Idempotency: the same id with the same work answers the request already filed. */
  @IsIdempotencyId()
  requestId!: string;

  @IsString()
  dossierCode!: string;

  @IsString()
  @Matches(/^\d{2}$/, { message: 'Mã tỉnh gồm 2 chữ số' })
  provinceCode!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRef)
  parcel!: ParcelRef;

  @IsText(300)
  address!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ConformityWork)
  work!: ConformityWork;

  @IsTimestamp()
  dueAt!: string;
}

export class ConformityReason {
  @IsString()
  code!: string;

  @IsString()
  messageVi!: string;
}

export class ConformityResponse {
  @IsString()
  requestId!: string;

  @IsIn(CONFORMITY_STATUSES)
  status!: ConformityStatus;

  @IsTimestamp()
  receivedAt!: string;

  /** Present once ANSWERED. */
  @IsOptional()
  @IsIn(CONFORMITY_OUTCOMES)
  outcome?: ConformityOutcome;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ConformityReason)
  reasons?: ConformityReason[];

  /** The department's document number for its answer. */
  @IsOptional()
  @IsString()
  reference?: string;

  @IsOptional()
  @IsTimestamp()
  answeredAt?: string;

  @IsOptional()
  @IsTimestamp()
  cancelledAt?: string;
}

export class CancelConformityRequest {
  @IsText(500)
  reason!: string;
}

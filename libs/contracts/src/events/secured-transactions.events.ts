import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { CHECK_STAGES, CheckStage } from './land-registry.events';
import { EncumbranceV1, HoldV1, ParcelRefV1 } from './values';

/** The registry's answer to a parcel check. */
export class ParcelCheckCompletedV1 {
  @IsString()
  dossierCode!: string;

  @IsIn(CHECK_STAGES)
  stage!: CheckStage;

  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRefV1)
  parcel!: ParcelRefV1;

  @IsObject()
  @ValidateNested()
  @Type(() => EncumbranceV1)
  result!: EncumbranceV1;

  @IsISO8601({ strict: true })
  checkedAt!: string;

  /** REGISTRY when asked just now; CACHE when a recent answer was reused (never before registration). */
  @IsIn(['REGISTRY', 'CACHE'])
  source!: 'REGISTRY' | 'CACHE';
}

/** A hold (ngăn chặn) was placed on a parcel while dossiers may be in flight. */
export class HoldPlacedV1 {
  @IsObject()
  @ValidateNested()
  @Type(() => ParcelRefV1)
  parcel!: ParcelRefV1;

  @IsObject()
  @ValidateNested()
  @Type(() => HoldV1)
  hold!: HoldV1;

  /** On the registry's clock, like an answer's asOf: a later clear answer already saw this hold lifted. */
  @IsISO8601({ strict: true })
  placedAt!: string;

  /**
   * Set when the registry had already told us the hold was lifted by the time its placement
   * reached us (pushes out of order): a dossier received after the lift is not stopped by it.
   */
  @IsOptional()
  @IsISO8601({ strict: true })
  liftedAt?: string;
}

import { plainToInstance, Type } from 'class-transformer';
import { IsArray, IsOptional, ValidateNested, validateSync } from 'class-validator';
import {
  DisputeRecord,
  HoldRecord,
  IsTimestamp,
  MortgageRecord,
  ParcelRef,
} from '@lien-thong/agency-contracts';
import seed from './data/justice-seed.json';

export class SeededHold extends HoldRecord {
  @IsTimestamp()
  placedAt!: string;
}

/** One encumbered parcel of the seed file; the shape the registry stores per parcel. */
export class JusticeSeedEntry {
  @ValidateNested()
  @Type(() => ParcelRef)
  parcel!: ParcelRef;

  @IsOptional()
  @ValidateNested()
  @Type(() => MortgageRecord)
  mortgage?: MortgageRecord;

  @IsOptional()
  @ValidateNested()
  @Type(() => DisputeRecord)
  dispute?: DisputeRecord;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeededHold)
  holds?: SeededHold[];
}

/** The seed file, validated with the contract classes so that a typo fails at boot. */
export function loadJusticeSeed(raw: { parcels: unknown[] } = seed): JusticeSeedEntry[] {
  return raw.parcels.map((entry, index) => {
    const parsed = plainToInstance(JusticeSeedEntry, entry);
    const errors = validateSync(parsed, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new Error(`justice-seed.json parcels[${index}] is invalid: ${errors.toString()}`);
    }
    return parsed;
  });
}

/** The registry's key for a parcel: commune/map sheet/parcel number. */
export function parcelKey(parcel: ParcelRef): string {
  return `${parcel.communeCode}/${parcel.mapSheetNumber}/${parcel.parcelNumber}`;
}

import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** A parcel named in a URL path; numbers arrive as text, hence the conversions. */
export class ParcelParams {
  @IsString()
  @Matches(/^\d{5}$/, { message: 'Mã xã gồm 5 chữ số' })
  communeCode!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(99_999)
  mapSheetNumber!: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9_999_999)
  parcelNumber!: number;
}

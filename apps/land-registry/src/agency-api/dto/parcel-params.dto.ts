import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** A parcel named in a URL path; numbers arrive as text, hence the conversions. */
export class ParcelParams {
  @IsString()
  @Matches(/^\d{5}$/, { message: 'Mã xã gồm 5 chữ số' })
  communeCode!: string;

  @Type(() => Number)
  @IsInt({ message: 'Số tờ bản đồ phải là số nguyên' })
  @Min(1, { message: 'Số tờ bản đồ từ 1' })
  @Max(99_999, { message: 'Số tờ bản đồ tối đa 99999' })
  mapSheetNumber!: number;

  @Type(() => Number)
  @IsInt({ message: 'Số thửa phải là số nguyên' })
  @Min(1, { message: 'Số thửa từ 1' })
  @Max(9_999_999, { message: 'Số thửa tối đa 9999999' })
  parcelNumber!: number;
}

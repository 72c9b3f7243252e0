import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class LookupParcelDto {
  @IsString({ message: 'Mã xã phải là chuỗi 5 chữ số' })
  @Matches(/^\d{5}$/, { message: 'Mã xã gồm 5 chữ số' })
  communeCode!: string;

  @IsInt({ message: 'Số tờ bản đồ phải là số nguyên' })
  @Min(1, { message: 'Số tờ bản đồ từ 1' })
  @Max(99_999, { message: 'Số tờ bản đồ tối đa 99999' })
  mapSheetNumber!: number;

  @IsInt({ message: 'Số thửa phải là số nguyên' })
  @Min(1, { message: 'Số thửa từ 1' })
  @Max(9_999_999, { message: 'Số thửa tối đa 9999999' })
  parcelNumber!: number;
}

/** A construction officer's look-up of the land-use right behind a building-permit application. */
export class LandUseRightLookupDto {
  /** The building-permit application's number in the department's own register. */
  @IsString({ message: 'Số hồ sơ cấp phép xây dựng là bắt buộc' })
  @MaxLength(64, { message: 'Số hồ sơ cấp phép xây dựng tối đa 64 ký tự' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9./_-]*$/, {
    message: 'Số hồ sơ cấp phép xây dựng chỉ gồm chữ, số và các dấu . / _ -',
  })
  applicationNumber!: string;

  @IsDefined({ message: 'Thông tin thửa đất là bắt buộc' })
  @IsObject({ message: 'Thông tin thửa đất phải gồm mã xã, số tờ bản đồ và số thửa' })
  @ValidateNested()
  @Type(() => LookupParcelDto)
  parcel!: LookupParcelDto;
}

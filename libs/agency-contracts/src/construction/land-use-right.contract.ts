import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The land registry's agency API, as the construction department's system calls it (with
 * its service account's token) for a building-permit application: the land-use right of a
 * parcel instead of certificate copies from the citizen. Paths are relative to the land
 * registry's root (LAND_REGISTRY_URL).
 */
export const LAND_REGISTRY_AGENCY_API = {
  landUseRight: (parcel: { communeCode: string; mapSheetNumber: number; parcelNumber: number }) =>
    `/agency/land-use-rights/${parcel.communeCode}/${parcel.mapSheetNumber}/${parcel.parcelNumber}`,
} as const;

const ANY_OBJECT = { type: 'object', additionalProperties: true } as const;

export class LandUseRightHolder {
  @ApiProperty()
  fullName!: string;

  @ApiProperty({ pattern: '^\\d{12}$' })
  citizenId!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  shareNumerator!: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  shareDenominator!: number;
}

export class LandUseRightCertificate {
  @ApiProperty()
  serial!: string;

  @ApiProperty({ format: 'date' })
  issuedOn!: string;
}

export class LandUseRightEncumbrance {
  @ApiProperty({ enum: ['CLEAR', 'MORTGAGED', 'BLOCKED', 'DISPUTED'] })
  status!: 'CLEAR' | 'MORTGAGED' | 'BLOCKED' | 'DISPUTED';

  @ApiPropertyOptional(ANY_OBJECT)
  mortgage?: Record<string, unknown>;

  @ApiPropertyOptional(ANY_OBJECT)
  hold?: Record<string, unknown>;

  @ApiPropertyOptional(ANY_OBJECT)
  dispute?: Record<string, unknown>;

  @ApiProperty({
    format: 'date-time',
    description: 'Thời điểm Văn phòng đăng ký biết tình trạng này',
  })
  asOf!: string;
}

export class LandUseRightParcel {
  @ApiProperty({ pattern: '^\\d{5}$' })
  communeCode!: string;

  @ApiProperty({ type: 'integer' })
  mapSheetNumber!: number;

  @ApiProperty({ type: 'integer' })
  parcelNumber!: number;
}

/** The land-use right of a parcel as the cadastral book records it. */
export class LandUseRightAnswer {
  @ApiProperty({ type: LandUseRightParcel })
  parcel!: LandUseRightParcel;

  @ApiProperty({ example: '01' })
  provinceCode!: string;

  @ApiProperty()
  address!: string;

  @ApiProperty({ type: [LandUseRightHolder] })
  holders!: LandUseRightHolder[];

  @ApiProperty({ description: 'Mục đích sử dụng đất (mã)' })
  purposeCode!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Diện tích, phần mười m²' })
  areaTenthsM2!: number;

  @ApiProperty({ description: 'Thời hạn sử dụng' })
  term!: string;

  @ApiProperty({ description: 'Nguồn gốc sử dụng' })
  origin!: string;

  @ApiProperty({ type: LandUseRightCertificate })
  certificate!: LandUseRightCertificate;

  @ApiProperty({
    type: LandUseRightEncumbrance,
    nullable: true,
    description: 'Tình trạng thế chấp, ngăn chặn, tranh chấp như Văn phòng đăng ký biết lần cuối',
  })
  encumbrance!: LandUseRightEncumbrance | null;

  @ApiProperty({ format: 'date-time', description: 'Thời điểm đọc sổ địa chính' })
  asOf!: string;
}

import { ApiProperty } from '@nestjs/swagger';

const ANY_OBJECT = { type: 'object', additionalProperties: true } as const;

/** A parcel of the cadastral book, with its owners (for the land office's officers only). */
export class ParcelView {
  @ApiProperty()
  _id!: string;

  @ApiProperty({ ...ANY_OBJECT, description: 'Mã xã, số tờ, số thửa' })
  ref!: Record<string, unknown>;

  @ApiProperty({ example: '01' })
  provinceCode!: string;

  @ApiProperty()
  address!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Diện tích, phần mười m²' })
  areaTenthsM2!: number;

  @ApiProperty()
  purposeCode!: string;

  @ApiProperty()
  term!: string;

  @ApiProperty()
  origin!: string;

  @ApiProperty()
  priceZone!: string;

  @ApiProperty({ type: 'integer' })
  pricePosition!: number;

  @ApiProperty(ANY_OBJECT)
  certificate!: Record<string, unknown>;

  @ApiProperty({ type: 'array', items: ANY_OBJECT })
  owners!: Record<string, unknown>[];

  @ApiProperty({
    type: 'array',
    items: ANY_OBJECT,
    description:
      'Chủ sử dụng trước đây, cũ nhất trước: chủ, giấy chứng nhận, đến ngày, hồ sơ đã thay đổi',
  })
  ownerHistory!: Record<string, unknown>[];
}

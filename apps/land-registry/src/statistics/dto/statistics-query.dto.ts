import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const UNIT_PATTERN = '^\\d{2}(\\/[A-Z0-9-]{2,30})?$';

/** `?from=2026-11-01&to=2026-11-30[&unit=01/CN-BADINH]`: a period of Vietnamese calendar days. */
export class StatisticsQueryDto {
  @ApiProperty({ format: 'date', example: '2026-11-01', description: 'Từ ngày (tính cả ngày này)' })
  @IsString({ message: 'Từ ngày có dạng YYYY-MM-DD' })
  @Matches(DATE, { message: 'Từ ngày có dạng YYYY-MM-DD' })
  from!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-11-30',
    description: 'Đến ngày (tính cả ngày này)',
  })
  @IsString({ message: 'Đến ngày có dạng YYYY-MM-DD' })
  @Matches(DATE, { message: 'Đến ngày có dạng YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({
    example: '01/CN-BADINH',
    pattern: UNIT_PATTERN,
    description:
      'Đơn vị: của mình (mặc định) hoặc một đơn vị trực thuộc; mã tỉnh gồm mọi chi nhánh',
  })
  @IsOptional()
  @IsString({ message: 'Mã đơn vị không hợp lệ' })
  @Matches(new RegExp(UNIT_PATTERN), { message: 'Mã đơn vị có dạng 01 hoặc 01/CN-BADINH' })
  unit?: string;
}

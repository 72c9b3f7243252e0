import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export const PROVINCE_CODE_PATTERN = '^\\d{2}$';

/** `?province=01`: the province whose fees and charges to show with the procedure. */
export class ProcedureQueryDto {
  @ApiPropertyOptional({
    example: '01',
    pattern: PROVINCE_CODE_PATTERN,
    description: 'Mã tỉnh, thành phố (2 chữ số, ví dụ 01 Hà Nội, 91 An Giang) để xem phí, lệ phí',
  })
  @IsOptional()
  @IsString({ message: 'Mã tỉnh, thành phố phải là chuỗi 2 chữ số' })
  @Matches(new RegExp(PROVINCE_CODE_PATTERN), {
    message: 'Mã tỉnh, thành phố gồm 2 chữ số, ví dụ 01 (Hà Nội)',
  })
  province?: string;
}

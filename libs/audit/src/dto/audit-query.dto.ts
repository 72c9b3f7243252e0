import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Largest page of records one request returns. */
export const MAX_AUDIT_PAGE = 500;

export class AuditQueryDto {
  @ApiPropertyOptional({
    example: '000.00.01.H01-261110-0001',
    description: 'Chỉ các bản ghi về hồ sơ này',
    pattern: '^[A-Za-z0-9._/-]{1,64}$',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._/-]{1,64}$/, {
    message: 'Mã hồ sơ gồm 1 đến 64 ký tự chữ, số, dấu chấm, gạch ngang, gạch chéo',
  })
  dossierCode?: string;

  @ApiPropertyOptional({
    example: 1,
    minimum: 1,
    description: 'Số thứ tự bản ghi đầu tiên cần lấy (để lấy trang tiếp theo: nextFrom)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Số thứ tự bắt đầu phải là số nguyên' })
  @Min(1, { message: 'Số thứ tự bắt đầu phải từ 1 trở lên' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'Số thứ tự bắt đầu quá lớn' })
  from?: number;

  @ApiPropertyOptional({ example: 100, minimum: 1, maximum: MAX_AUDIT_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Số bản ghi tối đa phải là số nguyên' })
  @Min(1, { message: 'Số bản ghi tối đa phải từ 1 trở lên' })
  @Max(MAX_AUDIT_PAGE, { message: `Số bản ghi tối đa không quá ${MAX_AUDIT_PAGE}` })
  limit?: number;
}

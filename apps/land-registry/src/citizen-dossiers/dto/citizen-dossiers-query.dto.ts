import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** `GET /citizen/dossiers?…`: the citizen's own dossiers, a page at a time. */
export class CitizenDossiersQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Số hồ sơ mỗi trang phải là số nguyên' })
  @Min(1, { message: 'Mỗi trang có ít nhất 1 hồ sơ' })
  @Max(100, { message: 'Mỗi trang có nhiều nhất 100 hồ sơ' })
  limit?: number;

  @ApiPropertyOptional({ description: 'Con trỏ trang sau (nextCursor của trang trước)' })
  @IsOptional()
  @IsString({ message: 'Con trỏ trang phải là chuỗi' })
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'Con trỏ trang không hợp lệ' })
  cursor?: string;
}

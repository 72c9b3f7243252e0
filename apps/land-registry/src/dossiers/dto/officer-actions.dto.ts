import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsPastLocalDate } from './validation';

export class OfficerDto {
  @ApiProperty({ example: 'Lê Thu Hà (cán bộ một cửa)' })
  @IsString({ message: 'Tên cán bộ phải là chuỗi ký tự' })
  @Length(2, 100, { message: 'Tên cán bộ từ 2 đến 100 ký tự' })
  officer!: string;
}

export class ReasonDto extends OfficerDto {
  @ApiProperty({ example: 'Thiếu bản sao hợp đồng chuyển nhượng có công chứng' })
  @IsString({ message: 'Lý do phải là chuỗi ký tự' })
  @Length(5, 1000, { message: 'Lý do từ 5 đến 1000 ký tự' })
  reasonVi!: string;
}

export class SupplementDto extends OfficerDto {
  @ApiPropertyOptional({ description: 'Giá chuyển nhượng đã sửa (đồng)' })
  @IsOptional()
  @IsInt({ message: 'Giá chuyển nhượng phải là số nguyên (đồng)' })
  @Min(0, { message: 'Giá chuyển nhượng không được âm' })
  @Max(1_000_000_000_000_000, { message: 'Giá chuyển nhượng vượt quá giới hạn cho phép' })
  declaredPriceVnd?: number;

  @ApiPropertyOptional({ example: '2026-11-10' })
  @IsOptional()
  @IsPastLocalDate()
  contractDate?: string;
}

export class TrackingQueryDto {
  @ApiProperty({
    example: '5678',
    description: '4 số cuối số điện thoại hoặc số định danh cá nhân',
  })
  @IsString({ message: 'Cần 4 chữ số cuối' })
  @Length(4, 4, { message: 'Cần đúng 4 chữ số cuối' })
  last4!: string;
}

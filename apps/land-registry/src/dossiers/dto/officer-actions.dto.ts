import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { IsPastLocalDate, IsPlainText, normaliseText } from './validation';

// The officer is never a field of a body: it is the authenticated person (the token).

export class ReasonDto {
  @ApiProperty({ example: 'Thiếu bản sao hợp đồng chuyển nhượng có công chứng' })
  @Transform(normaliseText)
  @IsString({ message: 'Lý do phải là chuỗi ký tự' })
  @Length(5, 1000, { message: 'Lý do từ 5 đến 1000 ký tự' })
  @IsPlainText()
  reasonVi!: string;
}

export class ProposalDto {
  @ApiProperty({ example: 'Hồ sơ đầy đủ, hợp lệ; đủ điều kiện đăng ký biến động' })
  @Transform(normaliseText)
  @IsString({ message: 'Ý kiến thẩm định phải là chuỗi ký tự' })
  @Length(5, 2000, { message: 'Ý kiến thẩm định từ 5 đến 2000 ký tự' })
  @IsPlainText()
  opinionVi!: string;
}

export class AssignmentDto {
  @ApiProperty({ example: 'chuyenvien.badinh', description: 'Tên đăng nhập của chuyên viên' })
  @IsString({ message: 'Cần tên đăng nhập của chuyên viên' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,60}$/, {
    message: 'Tên đăng nhập của chuyên viên gồm chữ thường, số, ".", "_" hoặc "-"',
  })
  username!: string;
}

export class SupplementDto {
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
    example: 'K7QX2M9PRT',
    description: 'Mã tra cứu in trên giấy tiếp nhận (10 ký tự)',
    pattern: '^[A-Za-z2-9]{10}$',
  })
  @IsString({ message: 'Cần mã tra cứu in trên giấy tiếp nhận' })
  @Matches(/^[A-Za-z2-9]{10}$/, {
    message: 'Mã tra cứu gồm 10 ký tự chữ và số in trên giấy tiếp nhận',
  })
  secret!: string;
}

import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Transform } from 'class-transformer';
import { SubmitTransferDto } from '../../intake/dto/submit-transfer.dto';
import { IsPlainText, normaliseText } from '../../intake/dto/validation';

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

/**
 * What the citizen brought back: any party, contact, document or term may be corrected, with
 * exactly the rules of the counter's form (the same fields of SubmitTransferDto, optional);
 * each is then checked again against the cadastral book. Absent: unchanged.
 */
export class SupplementDto extends PartialType(
  PickType(SubmitTransferDto, [
    'declaredPriceVnd',
    'contractDate',
    'transferKind',
    'sellers',
    'buyers',
    'applicant',
    'mortgageeConsent',
  ] as const),
) {}

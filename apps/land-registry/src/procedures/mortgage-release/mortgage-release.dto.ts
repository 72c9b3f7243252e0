import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { DossierFormDto } from '../../intake/dto/submit-transfer.dto';
import { IsPlainText, normaliseText } from '../../intake/dto/validation';

/** Deregistration of a mortgage the land office registered. */
export class SubmitMortgageReleaseDto extends DossierFormDto {
  @ApiProperty({ example: 'TC-000.00.04.H01-261206-0001', description: 'Số đăng ký thế chấp' })
  @IsString({ message: 'Số đăng ký thế chấp phải là chuỗi ký tự' })
  @Matches(/^TC-[A-Za-z0-9./-]{4,80}$/, {
    message: 'Số đăng ký thế chấp có dạng TC-<mã hồ sơ đăng ký thế chấp>',
  })
  registrationNumber!: string;

  @ApiProperty({ example: 'Đã trả hết nợ vay theo hợp đồng tín dụng' })
  @Transform(normaliseText)
  @IsString({ message: 'Lý do xóa đăng ký phải là chuỗi ký tự' })
  @Length(5, 300, { message: 'Lý do xóa đăng ký từ 5 đến 300 ký tự' })
  @IsPlainText()
  reasonVi!: string;
}

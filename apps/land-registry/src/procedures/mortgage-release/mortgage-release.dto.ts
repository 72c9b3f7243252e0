import { Explanation } from '../../intake/dto/text-fields';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { DossierFormDto } from '../../intake/dto/submit-transfer.dto';

/** Deregistration of a mortgage the land office registered. */
export class SubmitMortgageReleaseDto extends DossierFormDto {
  @ApiProperty({ example: 'TC-000.00.04.H01-261206-0001', description: 'Số đăng ký thế chấp' })
  @IsString({ message: 'Số đăng ký thế chấp phải là chuỗi ký tự' })
  @Matches(/^TC-[A-Za-z0-9./-]{4,80}$/, {
    message: 'Số đăng ký thế chấp có dạng TC-<mã hồ sơ đăng ký thế chấp>',
  })
  registrationNumber!: string;

  @ApiProperty({ example: 'Đã trả hết nợ vay theo hợp đồng tín dụng' })
  @Explanation('Lý do xóa đăng ký')
  reasonVi!: string;
}

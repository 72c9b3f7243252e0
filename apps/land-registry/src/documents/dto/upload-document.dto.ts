import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** The text part of `POST /dossiers/{code}/documents` (the file travels beside it). */
export class UploadDocumentDto {
  @ApiProperty({
    example: 'TRANSFER_CONTRACT',
    description: 'Mã thành phần hồ sơ trong danh mục của thủ tục (GET /procedures/{key})',
  })
  @IsString({ message: 'Loại giấy tờ phải là chuỗi' })
  @Matches(/^[A-Z][A-Z0-9_]{1,59}$/, { message: 'Loại giấy tờ không hợp lệ' })
  kind!: string;
}

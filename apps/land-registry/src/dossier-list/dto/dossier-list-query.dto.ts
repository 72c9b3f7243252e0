import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PROCEDURES } from '@lien-thong/contracts';
import { DOSSIER_STATUSES, DossierStatus } from '../../dossiers/dossier';

/** A page of a list, newest first: how many, and where the previous page ended. */
export class PageQueryDto {
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

/** `GET /dossiers?…`: the officer's list of their unit, filtered and searched, a page at a time. */
export class DossierListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DOSSIER_STATUSES })
  @IsOptional()
  @IsIn(DOSSIER_STATUSES, { message: 'Trạng thái hồ sơ không hợp lệ' })
  status?: DossierStatus;

  @ApiPropertyOptional({ enum: PROCEDURES })
  @IsOptional()
  @IsIn(PROCEDURES, { message: 'Thủ tục không hợp lệ' })
  procedure?: string;

  @ApiPropertyOptional({ enum: ['ONLINE', 'COUNTER'] })
  @IsOptional()
  @IsIn(['ONLINE', 'COUNTER'], { message: 'Kênh nộp là ONLINE hoặc COUNTER' })
  channel?: 'ONLINE' | 'COUNTER';

  @ApiPropertyOptional({
    enum: ['today', 'overdue', 'soon'],
    description: 'Đến hạn hôm nay, đã quá hạn, hoặc sắp đến hạn (trong một ngày làm việc)',
  })
  @IsOptional()
  @IsIn(['today', 'overdue', 'soon'], { message: 'Hạn là today, overdue hoặc soon' })
  due?: 'today' | 'overdue' | 'soon';

  @ApiPropertyOptional({
    minLength: 2,
    maxLength: 100,
    description:
      'Mã hồ sơ, thửa đất "mã xã/số tờ/số thửa", số định danh cá nhân hoặc họ tên của một bên hay người nộp',
  })
  @IsOptional()
  @IsString({ message: 'Nội dung tìm kiếm phải là chuỗi' })
  @Matches(/^\S.{0,98}\S$/su, { message: 'Nội dung tìm kiếm gồm 2–100 ký tự' })
  @MaxLength(100, { message: 'Nội dung tìm kiếm gồm 2–100 ký tự' })
  q?: string;
}

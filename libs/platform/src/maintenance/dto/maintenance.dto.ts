import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

/** PUT /admin/maintenance: switch the maintenance mode on or off. */
export class MaintenanceDto {
  @ApiProperty({ description: 'true: stop taking new dossiers; false: take them again' })
  @IsBoolean({ message: 'on phải là true hoặc false' })
  on!: boolean;

  @ApiPropertyOptional({
    description: 'Thông báo cho người dân khi bị từ chối (mặc định: thông báo bảo trì chung)',
    example: 'Hệ thống bảo trì từ 22 giờ đến 23 giờ ngày 05/12. Xin vui lòng nộp hồ sơ sau.',
  })
  @IsOptional()
  @IsString({ message: 'Thông báo phải là chuỗi ký tự' })
  @Length(5, 500, { message: 'Thông báo từ 5 đến 500 ký tự' })
  // Shown to citizens as it is: no control or invisible formatting characters.
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  @Matches(/^[^\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]*$/, {
    message: 'Thông báo có ký tự không hợp lệ',
  })
  noticeVi?: string;
}

/** The maintenance mode as the operator and /health see it. */
export class MaintenanceView {
  @ApiProperty()
  on!: boolean;

  @ApiProperty({ description: 'What citizens are told while it is on' })
  noticeVi!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'When it was last switched' })
  since!: Date;
}

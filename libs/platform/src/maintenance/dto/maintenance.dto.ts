import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

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

import { ApiProperty } from '@nestjs/swagger';
import { PROCEDURES } from '@lien-thong/contracts';
import { AGENCIES } from '@lien-thong/procedures';

const COUNT = { type: 'integer', minimum: 0 } as const;

export class ResolvedCountsView {
  @ApiProperty(COUNT) total!: number;
  @ApiProperty({ ...COUNT, description: 'Trước hạn' }) early!: number;
  @ApiProperty({ ...COUNT, description: 'Đúng hạn (ngày hẹn, hoặc ngày hẹn lại)' }) onTime!: number;
  @ApiProperty({ ...COUNT, description: 'Quá hạn' }) late!: number;
}

export class InProgressCountsView {
  @ApiProperty(COUNT) total!: number;
  @ApiProperty({ ...COUNT, description: 'Trong hạn' }) inTime!: number;
  @ApiProperty({ ...COUNT, description: 'Đã quá hạn' }) overdue!: number;
}

export class CountsView {
  @ApiProperty({ ...COUNT, description: 'Tiếp nhận trong kỳ' }) received!: number;
  @ApiProperty({ ...COUNT, description: 'Tiếp nhận trực tuyến trong kỳ' }) receivedOnline!: number;
  @ApiProperty({ type: ResolvedCountsView, description: 'Đã giải quyết trong kỳ' })
  resolved!: ResolvedCountsView;

  @ApiProperty({ type: InProgressCountsView, description: 'Đang giải quyết cuối kỳ' })
  inProgress!: InProgressCountsView;

  @ApiProperty({ ...COUNT, description: 'Rút hồ sơ trong kỳ' }) withdrawn!: number;
  @ApiProperty({ ...COUNT, description: 'Từ chối trong kỳ' }) refused!: number;
}

export class ProcedureCountsView extends CountsView {
  @ApiProperty({ enum: PROCEDURES }) procedure!: string;
  @ApiProperty() procedureVi!: string;
}

export class AgencyCountsView {
  @ApiProperty({ enum: AGENCIES }) agency!: string;
  @ApiProperty() agencyVi!: string;
  @ApiProperty({ ...COUNT, description: 'Số lần chuyển hồ sơ trong kỳ' }) handoffs!: number;
  @ApiProperty({ ...COUNT, description: 'Trả lời sau hạn phối hợp' }) answeredLate!: number;
  @ApiProperty({ ...COUNT, description: 'Chưa trả lời' }) stillHeld!: number;
  @ApiProperty({ ...COUNT, description: 'Chưa trả lời, đã quá hạn' }) heldPastDeadline!: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'Số ngày làm việc giữ hồ sơ trung bình (các lần đã trả lời)',
  })
  averageWorkingDaysHeld!: number | null;
}

export class StatisticsView extends CountsView {
  @ApiProperty({ example: '01/CN-BADINH' }) unit!: string;
  @ApiProperty({ format: 'date', example: '2026-11-01' }) from!: string;
  @ApiProperty({ format: 'date', example: '2026-11-30' }) to!: string;
  @ApiProperty({
    type: 'number',
    minimum: 0,
    maximum: 1,
    nullable: true,
    description: 'Tỷ lệ tiếp nhận trực tuyến (trực tuyến / tiếp nhận)',
  })
  onlineShare!: number | null;

  @ApiProperty({ type: [ProcedureCountsView] }) byProcedure!: ProcedureCountsView[];
  @ApiProperty({ type: [AgencyCountsView] }) byAgency!: AgencyCountsView[];
}

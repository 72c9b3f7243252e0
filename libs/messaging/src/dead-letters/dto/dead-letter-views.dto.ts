import { ApiProperty } from '@nestjs/swagger';

/** An event a consumer could not handle, as the operator sees it (personal data masked). */
export class DeadLetterView {
  @ApiProperty({ example: 'land-registry:dossier.received:0:42' })
  _id!: string;

  @ApiProperty()
  consumer!: string;

  @ApiProperty({ description: 'Chủ đề gốc của sự kiện' })
  topic!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  partition!: number;

  @ApiProperty({ example: '42' })
  offset!: string;

  @ApiProperty({ type: String, nullable: true })
  key!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Nội dung sự kiện (đã che)' })
  value!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  headers!: Record<string, string>;

  @ApiProperty({ type: String, nullable: true })
  eventId!: string | null;

  @ApiProperty({ example: 'EVENT.SIGNATURE_INVALID' })
  errorCode!: string;

  @ApiProperty()
  errorMessage!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attempts!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  failedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  replayedAt!: Date | null;
}

export class ReplayedCountView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số sự kiện đã gửi lại' })
  replayed!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPINION_OUTCOMES } from '@lien-thong/contracts';
import { OPINION_STATUSES, OpinionRequest, OpinionStatus } from '../schemas/opinion-request.schema';

export class OpinionReasonView {
  @ApiProperty({ example: 'CONSTRUCTION.NO_PERMIT' })
  code!: string;

  @ApiProperty()
  messageVi!: string;
}

export class ParcelRefView {
  @ApiProperty({ pattern: '^\\d{5}$' })
  communeCode!: string;

  @ApiProperty({ type: 'integer' })
  mapSheetNumber!: number;

  @ApiProperty({ type: 'integer' })
  parcelNumber!: number;
}

/** A request as the construction department's officers follow it. */
export class OpinionRequestView {
  @ApiProperty()
  requestId!: string;

  @ApiProperty()
  dossierCode!: string;

  @ApiProperty({ type: ParcelRefView })
  parcel!: ParcelRefView;

  @ApiProperty()
  address!: string;

  @ApiProperty({ enum: OPINION_STATUSES })
  status!: OpinionStatus;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'Hạn trả lời theo quy chế phối hợp' })
  dueAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  answeredAt?: string;

  @ApiPropertyOptional({ enum: OPINION_OUTCOMES })
  outcome?: (typeof OPINION_OUTCOMES)[number];

  @ApiPropertyOptional({ type: [OpinionReasonView] })
  reasons?: OpinionReasonView[];

  @ApiPropertyOptional({ description: 'Số văn bản trả lời của Sở Xây dựng' })
  reference?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  cancelledAt?: string;

  @ApiProperty({ description: 'Trả lời sau hạn, hoặc chưa trả lời mà đã quá hạn' })
  late!: boolean;
}

export function toView(request: OpinionRequest, now = new Date()): OpinionRequestView {
  const due = new Date(request.dueAt);
  const answer = request.answer;
  const open = request.status === 'RECEIVED' || request.status === 'PENDING';
  return {
    requestId: request._id,
    dossierCode: request.dossierCode,
    parcel: { ...request.parcel },
    address: request.address,
    status: request.status,
    requestedAt: new Date(request.requestedAt).toISOString(),
    dueAt: due.toISOString(),
    ...(answer
      ? {
          answeredAt: new Date(answer.answeredAt).toISOString(),
          outcome: answer.outcome,
          reasons: answer.reasons.map((r) => ({ ...r })),
          reference: answer.reference,
        }
      : {}),
    ...(request.cancelledAt ? { cancelledAt: new Date(request.cancelledAt).toISOString() } : {}),
    late: answer ? new Date(answer.answeredAt) > due : open && now > due,
  };
}

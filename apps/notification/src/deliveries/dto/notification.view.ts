import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TemplateId } from '../../templates/template';
import { maskRecipient } from '../mask';
import {
  DELIVERY_STATUSES,
  type Delivery,
  type DeliveryStatus,
  type NotificationChannel,
} from '../schemas/delivery.schema';

/** A delivery as officers (and tests) see it: the recipient masked, the content as sent. */
export class NotificationView {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '000.00.01.H01-261110-0001' })
  dossierCode!: string;

  @ApiProperty({ description: 'Sự kiện đã gây ra tin nhắn này' })
  aboutEventId!: string;

  @ApiProperty({ type: String, example: 'DOSSIER_RECEIVED' })
  template!: TemplateId;

  @ApiProperty({ enum: ['sms', 'email', 'zalo'] })
  channel!: NotificationChannel;

  @ApiProperty({ example: '091****678', description: 'Đã che bớt' })
  recipient!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status!: DeliveryStatus;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attempts!: number;

  @ApiPropertyOptional()
  error?: string;

  @ApiPropertyOptional()
  text?: string;

  @ApiPropertyOptional()
  subject?: string;

  @ApiPropertyOptional()
  body?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  createdAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  sentAt?: string;
}

export class NotificationList {
  @ApiProperty({ type: 'integer', minimum: 0 })
  count!: number;

  @ApiProperty({ type: [NotificationView] })
  notifications!: NotificationView[];
}

/** `withContent`: the text, subject and body as sent (the operator's view only). */
export function toView(delivery: Delivery, withContent = true): NotificationView {
  return {
    id: delivery._id,
    dossierCode: delivery.dossierCode,
    aboutEventId: delivery.aboutEventId,
    template: delivery.template,
    channel: delivery.channel,
    recipient: maskRecipient(delivery.channel, delivery.to),
    status: delivery.status,
    attempts: delivery.attempts,
    error: delivery.error,
    ...(withContent ? { text: delivery.text, subject: delivery.subject, body: delivery.body } : {}),
    createdAt: delivery.createdAt?.toISOString(),
    sentAt: delivery.sentAt?.toISOString(),
  };
}

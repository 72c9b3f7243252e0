import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';

export const NOTIFICATION_CHANNELS = ['SMS', 'EMAIL', 'ZALO'] as const;
export const NOTIFICATION_STATUSES = ['SENT', 'FAILED'] as const;

/** What happened to one message to one recipient; shown in the dossier's timeline. */
export class NotificationStatusChangedV1 {
  @IsString()
  dossierCode!: string;

  @IsString()
  notificationId!: string;

  /** The event the message tells about. */
  @IsUUID()
  aboutEventId!: string;

  @IsString()
  template!: string;

  @IsIn(NOTIFICATION_CHANNELS)
  channel!: (typeof NOTIFICATION_CHANNELS)[number];

  /** Masked (0912***678), never the full number or address. */
  @IsString()
  recipient!: string;

  @IsIn(NOTIFICATION_STATUSES)
  status!: (typeof NOTIFICATION_STATUSES)[number];

  @IsOptional()
  @IsString()
  error?: string;
}

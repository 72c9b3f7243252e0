import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsIdempotencyId, IsText, IsTimestamp } from '../common/validation';

/**
 * SMS, e-mail and Zalo OA gateways. Each has its own base URL (SMS_GATEWAY_URL,
 * EMAIL_GATEWAY_URL, ZALO_GATEWAY_URL); paths are relative to it.
 */
export const SMS_GATEWAY_API = { simulatorMount: '/sms/v1', messages: '/messages' } as const;
export const EMAIL_GATEWAY_API = { simulatorMount: '/email/v1', messages: '/messages' } as const;
export const ZALO_GATEWAY_API = { simulatorMount: '/zalo/v1', messages: '/messages' } as const;

export const MESSAGE_CHANNELS = ['sms', 'email', 'zalo'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGING_ERRORS = {
  /** 409: the messageId was already used on this channel for a different message. */
  MESSAGE_ID_REUSED: 'MESSAGING.MESSAGE_ID_REUSED',
} as const;

/** A Vietnamese mobile number: 0 or +84, then 3/5/7/8/9 and eight digits. */
const VN_MOBILE = /^(0|\+84)[35789]\d{8}$/;
const VN_MOBILE_MESSAGE = 'Số điện thoại di động không hợp lệ (ví dụ 0912345678 hoặc +84912345678)';

/** One spelling per phone number (0xxxxxxxxx), so +84 and 0 forms are the same recipient. */
export function normalizeVnPhone(phone: string): string {
  return phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
}

class MessageBase {
  /** Unique per channel; the same id sent again is the same message, delivered once. */
  @IsIdempotencyId()
  messageId!: string;

  /** Optional reference so that deliveries can be listed per dossier. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  dossierCode?: string;
}

export class SmsMessageRequest extends MessageBase {
  @IsString()
  @Matches(VN_MOBILE, { message: VN_MOBILE_MESSAGE })
  to!: string;

  @IsText(1600)
  @IsNotEmpty()
  text!: string;
}

/** Zalo OA messages reach a citizen by the phone number registered with Zalo. */
export class ZaloMessageRequest extends SmsMessageRequest {}

export class EmailMessageRequest extends MessageBase {
  @IsEmail({}, { message: 'Địa chỉ thư điện tử không hợp lệ' })
  to!: string;

  @IsText(300)
  @IsNotEmpty()
  subject!: string;

  @IsText(100_000)
  @IsNotEmpty()
  body!: string;
}

export class MessageAcceptedResponse {
  @IsIdempotencyId()
  messageId!: string;

  @IsIn(['ACCEPTED'])
  status!: 'ACCEPTED';

  @IsTimestamp()
  acceptedAt!: string;
}

/** Simulator admin: filters for the list of delivered messages (all optional). */
export class DeliveredMessageQuery {
  @IsOptional()
  @IsIn(MESSAGE_CHANNELS)
  channel?: MessageChannel;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  to?: string;

  /** Matches the message's dossierCode, or its text, subject or body containing the code. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  dossierCode?: string;
}

/** A message as the gateway accepted it; phone numbers in the 0xxxxxxxxx form. */
export class DeliveredMessage {
  @ApiProperty({ enum: MESSAGE_CHANNELS })
  channel!: MessageChannel;

  @ApiProperty()
  messageId!: string;

  @ApiProperty({ example: '0912345678' })
  to!: string;

  @ApiPropertyOptional()
  dossierCode?: string;

  @ApiPropertyOptional()
  text?: string;

  @ApiPropertyOptional()
  subject?: string;

  @ApiPropertyOptional()
  body?: string;

  @ApiProperty({ format: 'date-time' })
  acceptedAt!: string;
}

export class DeliveredMessageList {
  @ApiProperty({ type: 'integer', minimum: 0 })
  count!: number;

  @ApiProperty({ type: [DeliveredMessage] })
  messages!: DeliveredMessage[];
}

import { ApiProperty } from '@nestjs/swagger';
import { PaymentCallback } from '@lien-thong/agency-contracts';

/** The gateway's "paid" callback, validated as its contract declares. */
export class PaymentCallbackDto extends PaymentCallback {}

/**
 * What the gateway is told: 200 whether this callback recorded the payment or repeated it.
 * REFUNDING: the dossier was refused or withdrawn (or the slip replaced), so the payment is
 * not recorded but refunded through the gateway, now or by the compensation sweep.
 */
export class PaymentReceipt {
  @ApiProperty()
  orderId!: string;

  @ApiProperty({ enum: ['PAID', 'REFUNDING'] })
  status!: 'PAID' | 'REFUNDING';

  /** False for a repeated callback: the payment was already recorded, nothing changed. */
  @ApiProperty({ description: 'false: lần gọi lặp lại, khoản nộp đã được ghi nhận trước đó' })
  recorded!: boolean;
}

import { ApiProperty } from '@nestjs/swagger';
import { PaymentCallback } from '@lien-thong/agency-contracts';

/** The gateway's "paid" callback, validated as its contract declares. */
export class PaymentCallbackDto extends PaymentCallback {}

/** What the gateway is told: 200 whether this callback recorded the payment or repeated it. */
export class PaymentReceipt {
  @ApiProperty()
  orderId!: string;

  @ApiProperty({ enum: ['PAID'] })
  status!: 'PAID';

  /** False for a repeated callback: the payment was already recorded, nothing changed. */
  @ApiProperty({ description: 'false: lần gọi lặp lại, khoản nộp đã được ghi nhận trước đó' })
  recorded!: boolean;
}

import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { PaymentOrderStatus } from '@lien-thong/agency-contracts';

/** A payment order and the delivery of its callback; _id is the client's orderId. */
@Schema({ collection: 'payment_orders', versionKey: false })
export class PaymentOrder {
  @Prop({ type: String, required: true })
  _id!: string;

  /** Fingerprint of the request, to tell a retry from a reused orderId. */
  @Prop({ type: String, required: true })
  requestHash!: string;

  @Prop({ type: String, required: true })
  dossierCode!: string;

  @Prop({ type: [String], required: true })
  noticeNumbers!: string[];

  @Prop({ type: Number, required: true })
  amountVnd!: number;

  @Prop({ type: String, required: true })
  callbackUrl!: string;

  @Prop({ type: String, required: true })
  status!: PaymentOrderStatus;

  @Prop({ type: String, required: true })
  createdAt!: string;

  @Prop({ type: String })
  paidAt?: string;

  /** Copied from the order's PaymentTransaction, which decides it. */
  @Prop({ type: String })
  transactionId?: string;

  /** Callback fields are flat (not a sub-document) to keep the queries plain. */
  @Prop({ type: Number, default: 0 })
  callbackAttempts?: number;

  @Prop({ type: String })
  callbackDeliveredAt?: string;

  @Prop({ type: String })
  callbackLastError?: string;
}

export const PaymentOrderSchema = SchemaFactory.createForClass(PaymentOrder);

/** An order with its payment: what a callback is made of. */
export type PaidOrder = PaymentOrder & { status: 'PAID'; paidAt: string; transactionId: string };

export function isPaid(order: PaymentOrder): order is PaidOrder {
  return order.status === 'PAID' && !!order.paidAt && !!order.transactionId;
}

/**
 * The payment of an order; _id is the orderId. Inserting it is how a pay call wins: FerretDB
 * does not make a conditional update atomic (two concurrent PENDING→PAID updates can both
 * succeed), a unique-key insert it does.
 */
@Schema({ collection: 'payment_transactions', versionKey: false })
export class PaymentTransaction {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  transactionId!: string;

  @Prop({ type: String, required: true })
  paidAt!: string;
}

export const PaymentTransactionSchema = SchemaFactory.createForClass(PaymentTransaction);

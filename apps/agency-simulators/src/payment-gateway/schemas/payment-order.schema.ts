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

  /** Copied from the order's settlement when it was a cancellation. */
  @Prop({ type: String })
  cancelledAt?: string;

  @Prop({ type: String })
  cancelReason?: string;

  /** Copied from the order's PaymentRefund, which decides it. */
  @Prop({ type: String })
  refundId?: string;

  @Prop({ type: String })
  refundedAt?: string;

  @Prop({ type: String })
  refundReason?: string;
}

export const PaymentOrderSchema = SchemaFactory.createForClass(PaymentOrder);

/** An order with its payment: what a callback is made of. */
export type PaidOrder = PaymentOrder & { status: 'PAID'; paidAt: string; transactionId: string };

export function isPaid(order: PaymentOrder): order is PaidOrder {
  return order.status === 'PAID' && !!order.paidAt && !!order.transactionId;
}

/** What the order's status is, from its settlement and refund (the fields copied onto it). */
export function statusOf(order: PaymentOrder): PaymentOrderStatus {
  if (order.refundId) return 'REFUNDED';
  if (order.cancelledAt) return 'CANCELLED';
  return order.transactionId ? 'PAID' : 'PENDING';
}

/**
 * How an order was settled, once: paid, or cancelled before anyone paid. _id is the orderId.
 * Inserting it is how a pay or cancel call wins: FerretDB does not make a conditional update
 * atomic (two concurrent PENDING→PAID updates can both succeed), a unique-key insert it does;
 * so a payment and a cancellation racing each other cannot both happen.
 */
@Schema({ collection: 'payment_transactions', versionKey: false })
export class PaymentTransaction {
  @Prop({ type: String, required: true })
  _id!: string;

  /** Absent on records written before cancellations existed: those are payments. */
  @Prop({ type: String })
  kind?: 'PAYMENT' | 'CANCELLATION';

  @Prop({ type: String })
  transactionId?: string;

  @Prop({ type: String })
  paidAt?: string;

  @Prop({ type: String })
  cancelledAt?: string;

  @Prop({ type: String })
  reason?: string;
}

export function isCancellation(settlement: PaymentTransaction): boolean {
  return settlement.kind === 'CANCELLATION';
}

export const PaymentTransactionSchema = SchemaFactory.createForClass(PaymentTransaction);

/** The refund of a paid order, in full; _id is the orderId: one refund per order, by insert. */
@Schema({ collection: 'payment_refunds', versionKey: false })
export class PaymentRefund {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  refundId!: string;

  @Prop({ type: Number, required: true })
  amountVnd!: number;

  @Prop({ type: String, required: true })
  refundedAt!: string;

  @Prop({ type: String, required: true })
  reason!: string;
}

export const PaymentRefundSchema = SchemaFactory.createForClass(PaymentRefund);

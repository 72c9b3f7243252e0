import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';
import { DeliveryResult } from '../common/outbound-http';
import { mustExist } from '../common/must-exist';
import {
  isCancellation,
  isPaid,
  PaidOrder,
  PaymentOrder,
  PaymentRefund,
  PaymentTransaction,
} from './schemas/payment-order.schema';

@Injectable()
export class PaymentGatewayRepository {
  constructor(
    @InjectModel(PaymentOrder.name) private readonly orders: Model<PaymentOrder>,
    @InjectModel(PaymentTransaction.name)
    private readonly transactions: Model<PaymentTransaction>,
    @InjectModel(PaymentRefund.name) private readonly refunds: Model<PaymentRefund>,
  ) {}

  find(orderId: string): Promise<PaymentOrder | null> {
    return this.orders.findById(orderId).lean<PaymentOrder>().exec();
  }

  /** Inserts the order unless its id is taken; answers false when it was (a concurrent retry). */
  async insert(order: PaymentOrder): Promise<boolean> {
    try {
      await this.orders.create(order);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Settles the order unless it already was (paid, or cancelled), and answers the settlement
   * that stands (this one, or the one that got there first). Then copies it onto the order;
   * every caller writes the same values, so a crash between the two writes heals on retry.
   */
  async settle(
    orderId: string,
    candidate: PaymentTransaction,
  ): Promise<{ won: boolean; settlement: PaymentTransaction; order: PaymentOrder }> {
    let won = true;
    try {
      await this.transactions.create(candidate);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      won = false;
    }
    const settlement = won
      ? candidate
      : mustExist(
          await this.transactions.findById(orderId).lean<PaymentTransaction>().exec(),
          `settlement of order ${orderId}`,
        );
    const copied = isCancellation(settlement)
      ? {
          status: 'CANCELLED',
          cancelledAt: settlement.cancelledAt,
          cancelReason: settlement.reason,
        }
      : { status: 'PAID', paidAt: settlement.paidAt, transactionId: settlement.transactionId };
    // Only from PENDING: a late copy must not turn a refunded order back into a paid one.
    await this.orders.updateOne({ _id: orderId, status: 'PENDING' }, { $set: copied });
    return { won, settlement, order: mustExist(await this.find(orderId), `order ${orderId}`) };
  }

  /** Refunds the order unless it already was, then copies the refund that stands onto it. */
  async refund(orderId: string, candidate: PaymentRefund): Promise<PaymentOrder> {
    let stands = candidate;
    try {
      await this.refunds.create(candidate);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      stands = mustExist(
        await this.refunds.findById(orderId).lean<PaymentRefund>().exec(),
        `refund of order ${orderId}`,
      );
    }
    await this.orders.updateOne(
      { _id: orderId },
      {
        $set: {
          status: 'REFUNDED',
          refundId: stands.refundId,
          refundedAt: stands.refundedAt,
          refundReason: stands.reason,
        },
      },
    );
    return mustExist(await this.find(orderId), `order ${orderId}`);
  }

  /** The payment or cancellation of an order, if it has one. */
  settlementOf(orderId: string): Promise<PaymentTransaction | null> {
    return this.transactions.findById(orderId).lean<PaymentTransaction>().exec();
  }

  /** `attempt` is set, not incremented: $inc is not atomic on FerretDB. */
  async recordCallbackAttempt(
    orderId: string,
    attempt: number,
    result: DeliveryResult,
  ): Promise<void> {
    await this.orders.updateOne(
      { _id: orderId },
      {
        $set: {
          callbackAttempts: attempt,
          ...(result.ok
            ? { callbackDeliveredAt: new Date().toISOString() }
            : { callbackLastError: result.error }),
        },
      },
    );
  }

  /** Paid orders whose callback has not got through yet and may still be tried. */
  async findUndeliveredCallbacks(maxAttempts: number): Promise<PaidOrder[]> {
    const orders = await this.orders
      .find({
        status: 'PAID',
        callbackDeliveredAt: null,
        callbackAttempts: { $lt: maxAttempts },
      })
      .lean<PaymentOrder[]>()
      .exec();
    return orders.filter(isPaid);
  }
}

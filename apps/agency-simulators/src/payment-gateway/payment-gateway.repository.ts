import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';
import { DeliveryResult } from '../common/outbound-http';
import { mustExist } from '../common/must-exist';
import {
  isPaid,
  PaidOrder,
  PaymentOrder,
  PaymentTransaction,
} from './schemas/payment-order.schema';

@Injectable()
export class PaymentGatewayRepository {
  constructor(
    @InjectModel(PaymentOrder.name) private readonly orders: Model<PaymentOrder>,
    @InjectModel(PaymentTransaction.name)
    private readonly transactions: Model<PaymentTransaction>,
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
   * Records the payment unless the order already has one, and answers the transaction that
   * stands (this one, or the one that got there first). Then marks the order PAID with it;
   * every caller writes the same values, so a crash between the two writes heals on retry.
   */
  async settle(
    orderId: string,
    candidate: PaymentTransaction,
  ): Promise<{ won: boolean; order: PaidOrder }> {
    let won = true;
    try {
      await this.transactions.create(candidate);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      won = false;
    }
    const transaction = won
      ? candidate
      : mustExist(
          await this.transactions.findById(orderId).lean<PaymentTransaction>().exec(),
          `transaction of order ${orderId}`,
        );
    const order = await this.orders
      .findOneAndUpdate(
        { _id: orderId },
        {
          $set: {
            status: 'PAID',
            paidAt: transaction.paidAt,
            transactionId: transaction.transactionId,
          },
        },
        { returnDocument: 'after' },
      )
      .lean<PaymentOrder>()
      .exec();
    const { paidAt, transactionId } = transaction;
    return {
      won,
      order: { ...mustExist(order, `order ${orderId}`), status: 'PAID', paidAt, transactionId },
    };
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

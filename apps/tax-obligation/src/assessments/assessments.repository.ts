import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OutboxEntry, OutboxRelay, OutboxStore } from '@lien-thong/messaging';
import type { CancellationReason } from '@lien-thong/contracts';
import {
  AssessmentStatus,
  OrderOutcome,
  RefundRecord,
  SettledPayment,
  TaxAssessment,
} from './schemas/tax-assessment.schema';

export type NewAssessment = Omit<TaxAssessment, 'outbox'>;

@Injectable()
export class AssessmentsRepository {
  private readonly store: OutboxStore<TaxAssessment>;

  constructor(
    @InjectModel(TaxAssessment.name) private readonly assessments: Model<TaxAssessment>,
    relay: OutboxRelay,
  ) {
    this.store = new OutboxStore(assessments, relay);
  }

  findById(id: string): Promise<TaxAssessment | null> {
    return this.assessments.findById(id, { outbox: 0 }).lean<TaxAssessment>().exec();
  }

  /** Every revision of a dossier's slip, newest first. */
  revisionsOf(dossierCode: string): Promise<TaxAssessment[]> {
    return this.assessments
      .find({ dossierCode }, { outbox: 0 })
      .sort({ slipRevision: -1 })
      .lean<TaxAssessment[]>()
      .exec();
  }

  /**
   * Inserts the assessment with its events; false when its id exists (the slip was already
   * handled), in which case nothing is written.
   */
  create(assessment: NewAssessment, events: OutboxEntry[]): Promise<boolean> {
    return this.store.create(assessment, events);
  }

  /**
   * ASSESSED → PAID with its event, only if still ASSESSED: of two callbacks racing, one
   * records the payment and the other finds nothing to change.
   */
  async markPaid(id: string, payment: SettledPayment, events: OutboxEntry[]): Promise<boolean> {
    const result = await this.store.update(
      { _id: id, status: 'ASSESSED' },
      { $set: { status: 'PAID', payment } },
      events,
    );
    return result.modifiedCount > 0;
  }

  /** Assessments with a payment order still open, oldest first (for reconciliation). */
  awaitingPayment(limit: number): Promise<TaxAssessment[]> {
    return this.assessments
      .find({ status: 'ASSESSED', totalVnd: { $gt: 0 } }, { outbox: 0 })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean<TaxAssessment[]>()
      .exec();
  }

  /**
   * Marks the assessment for compensation if it is in one of `from` (by default: notices
   * issued, paid or not). Under the document lock, as markPaid, so that of a payment and a
   * closure racing in this process one sees the other's write; across processes the
   * compensation itself asks the gateway what happened, so a lost race still ends refunded.
   */
  requestCompensation(
    id: string,
    reason: CancellationReason,
    causationId: string | undefined,
    from: readonly AssessmentStatus[] = ['ASSESSED', 'PAID'],
  ): Promise<boolean> {
    return this.locked(id, async () => {
      const result = await this.assessments.updateOne(
        { _id: id, status: { $in: from } },
        {
          $set: {
            status: 'CANCELLING',
            compensation: {
              reason,
              requestedAt: new Date(),
              ...(causationId ? { causationId } : {}),
              attempts: 0,
            },
          },
        },
      );
      return result.modifiedCount > 0;
    });
  }

  /**
   * A cancelled order was paid after all (a late callback, or reconciliation found it): the
   * compensation runs again, to refund it. Its reason and cause stay.
   */
  reopenForRefund(id: string): Promise<boolean> {
    return this.locked(id, async () => {
      const result = await this.assessments.updateOne(
        { _id: id, status: 'CANCELLED' },
        { $set: { status: 'CANCELLING' }, $unset: { 'compensation.doneAt': 1 } },
      );
      return result.modifiedCount > 0;
    });
  }

  /** `attempts` is set from the count read, not incremented: $inc is not atomic on FerretDB. */
  async noteCompensationAttempt(id: string, attempts: number, error: string): Promise<void> {
    await this.locked(id, () =>
      this.assessments.updateOne(
        { _id: id, status: 'CANCELLING' },
        {
          $set: {
            'compensation.attempts': attempts,
            'compensation.lastAttemptAt': new Date(),
            'compensation.lastError': error,
          },
        },
      ),
    );
  }

  /** The compensation is done: every caller writes the same outcome, so a repeat is harmless. */
  async completeCompensation(
    id: string,
    outcome: {
      attempts: number;
      voidedNoticeNumbers: string[];
      orderOutcome: OrderOutcome;
      refund?: RefundRecord;
    },
  ): Promise<void> {
    const now = new Date();
    await this.locked(id, () =>
      this.assessments.updateOne(
        { _id: id, status: 'CANCELLING' },
        {
          $set: {
            status: outcome.orderOutcome === 'REFUNDED' ? 'REFUNDED' : 'CANCELLED',
            'compensation.attempts': outcome.attempts,
            'compensation.lastAttemptAt': now,
            'compensation.doneAt': now,
            'compensation.voidedNoticeNumbers': outcome.voidedNoticeNumbers,
            'compensation.orderOutcome': outcome.orderOutcome,
            'compensation.orderCheckedAt': now,
            ...(outcome.refund ? { 'compensation.refund': outcome.refund } : {}),
          },
          $unset: { 'compensation.lastError': 1 },
        },
      ),
    );
  }

  /** Compensations still to do, the least recently tried first. */
  pendingCompensations(limit: number): Promise<TaxAssessment[]> {
    return this.assessments
      .find({ status: 'CANCELLING' }, { outbox: 0 })
      .sort({ 'compensation.lastAttemptAt': 1 })
      .limit(limit)
      .lean<TaxAssessment[]>()
      .exec();
  }

  /**
   * Cancelled orders to look up again at the gateway (a payment must not slip through a
   * cancellation unrefunded), those closed since `since`, the least recently checked first.
   */
  cancelledOrdersToCheck(limit: number, since: Date): Promise<TaxAssessment[]> {
    return this.assessments
      .find(
        {
          status: 'CANCELLED',
          'compensation.orderOutcome': 'CANCELLED',
          'compensation.doneAt': { $gte: since },
        },
        { outbox: 0 },
      )
      .sort({ 'compensation.orderCheckedAt': 1 })
      .limit(limit)
      .lean<TaxAssessment[]>()
      .exec();
  }

  async markOrderChecked(id: string): Promise<void> {
    await this.locked(id, () =>
      this.assessments.updateOne(
        { _id: id, status: 'CANCELLED' },
        { $set: { 'compensation.orderCheckedAt': new Date() } },
      ),
    );
  }

  /** Publishes whatever a crash left in the document's outbox (the poll would, later). */
  publishPending(id: string): Promise<void> {
    return this.store.publish(id);
  }

  /** Every write to an assessment holds its lock: the relay marks its outbox under the same. */
  private locked<T>(id: string, fn: () => Promise<T>): Promise<T> {
    return this.store.locked(id, fn);
  }
}

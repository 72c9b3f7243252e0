import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import {
  OutboxEntry,
  OutboxRelay,
  documentKey,
  newOutbox,
  withDocumentLock,
  withOutbox,
} from '@lien-thong/messaging';
import { isDuplicateKey } from '@lien-thong/platform';
import { SettledPayment, TaxAssessment } from './schemas/tax-assessment.schema';

export type NewAssessment = Omit<TaxAssessment, 'outbox'>;

@Injectable()
export class AssessmentsRepository {
  constructor(
    @InjectModel(TaxAssessment.name) private readonly assessments: Model<TaxAssessment>,
    private readonly relay: OutboxRelay,
  ) {
    relay.register(assessments as never);
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
  async create(assessment: NewAssessment, events: OutboxEntry[]): Promise<boolean> {
    const outbox = newOutbox(events);
    try {
      await this.assessments.create({ ...assessment, ...outbox });
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    await this.relay.publish(this.assessments as never, assessment._id, outbox);
    return true;
  }

  /**
   * ASSESSED → PAID with its event, only if still ASSESSED: of two callbacks racing, one
   * records the payment and the other finds nothing to change.
   */
  async markPaid(id: string, payment: SettledPayment, events: OutboxEntry[]): Promise<boolean> {
    // Locked: on FerretDB a conditional update is not atomic by itself (see withDocumentLock).
    const result = await withDocumentLock(documentKey(this.assessments as never, id), () =>
      this.assessments.updateOne(
        { _id: id, status: 'ASSESSED' },
        withOutbox<TaxAssessment>({ $set: { status: 'PAID', payment } }, events),
      ),
    );
    if (result.modifiedCount === 0) return false;
    await this.relay.publish(this.assessments as never, id);
    return true;
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

  /** Publishes whatever a crash left in the document's outbox (the poll would, later). */
  publishPending(id: string): Promise<void> {
    return this.relay.publish(this.assessments as never, id);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';
import { OutboxEntry, OutboxRelay, OutboxStore } from '@lien-thong/messaging';
import {
  ClosedDossier,
  OPEN_STATUSES,
  OpinionAnswer,
  OpinionRequest,
  OpinionStatus,
} from './schemas/opinion-request.schema';

@Injectable()
export class OpinionRequestsRepository {
  private readonly store: OutboxStore<OpinionRequest>;

  constructor(
    @InjectModel(OpinionRequest.name) private readonly requests: Model<OpinionRequest>,
    @InjectModel(ClosedDossier.name) private readonly closed: Model<ClosedDossier>,
    relay: OutboxRelay,
  ) {
    this.store = new OutboxStore(requests, relay);
  }

  /** Stores a new request; false when one with this requestId is there already. */
  create(request: Omit<OpinionRequest, 'outbox'>): Promise<boolean> {
    return this.store.create(request, []);
  }

  find(requestId: string): Promise<OpinionRequest | null> {
    return this.requests.findById(requestId).lean<OpinionRequest>();
  }

  ofDossier(dossierCode: string): Promise<OpinionRequest[]> {
    return this.requests.find({ dossierCode }).lean<OpinionRequest[]>();
  }

  /** A province's requests, newest first. */
  ofProvince(provinceCode: string, limit: number): Promise<OpinionRequest[]> {
    return this.requests
      .find({ provinceCode })
      .sort({ requestedAt: -1 })
      .limit(limit)
      .lean<OpinionRequest[]>();
  }

  /** Requests the sweep still has work for, the least recently tried first. */
  open(limit: number): Promise<OpinionRequest[]> {
    return this.requests
      .find({ status: { $in: OPEN_STATUSES } })
      .sort({ triedAt: 1 })
      .limit(limit)
      .lean<OpinionRequest[]>();
  }

  /** Moves a request from one of `from` to `to` (under its lock); false when it had moved on. */
  async transition(
    requestId: string,
    from: OpinionStatus[],
    to: OpinionStatus,
    fields: Partial<OpinionRequest> = {},
  ): Promise<boolean> {
    const result = await this.store.update(
      { _id: requestId, status: { $in: from } },
      { $set: { ...fields, status: to, triedAt: new Date() } },
      [],
    );
    return result.matchedCount > 0;
  }

  /** Records the department's answer with its event, unless the request was cancelled meanwhile. */
  async answer(requestId: string, answer: OpinionAnswer, event: OutboxEntry): Promise<boolean> {
    const result = await this.store.update(
      { _id: requestId, status: 'PENDING' },
      { $set: { status: 'ANSWERED', answer, triedAt: new Date() } },
      [event],
    );
    return result.matchedCount > 0;
  }

  /** Marks a request as tried now, so that the others get their turn first. */
  async touch(requestId: string): Promise<void> {
    await this.requests.updateOne({ _id: requestId }, { $set: { triedAt: new Date() } });
  }

  async recordClosure(closure: ClosedDossier): Promise<void> {
    try {
      await this.closed.create(closure);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  closure(dossierCode: string): Promise<ClosedDossier | null> {
    return this.closed.findById(dossierCode).lean<ClosedDossier>();
  }
}

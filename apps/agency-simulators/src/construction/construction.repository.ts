import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';
import { ConformityRecord } from './schemas/conformity-request.schema';

@Injectable()
export class ConstructionRepository {
  constructor(
    @InjectModel(ConformityRecord.name) private readonly requests: Model<ConformityRecord>,
  ) {}

  find(requestId: string): Promise<ConformityRecord | null> {
    return this.requests.findById(requestId).lean<ConformityRecord>().exec();
  }

  /** Inserts the request unless its id is taken; false when it was (a retry). */
  async insert(record: ConformityRecord): Promise<boolean> {
    try {
      await this.requests.create(record);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Cancels a request not cancelled yet; answers the request as it stands. */
  async cancel(requestId: string, at: string, reason: string): Promise<ConformityRecord | null> {
    await this.requests.updateOne(
      { _id: requestId, cancelledAt: null },
      { $set: { cancelledAt: at, cancelReason: reason } },
    );
    return this.find(requestId);
  }
}

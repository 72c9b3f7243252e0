import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DeadLetter } from './dead-letter.schema';

export type DeadLetterFilter = 'pending' | 'replayed' | 'all';

@Injectable()
export class DeadLetterRepository {
  constructor(@InjectModel(DeadLetter.name) private readonly letters: Model<DeadLetter>) {}

  /** Stores (or refreshes, on a redelivery) one dead letter. */
  async save(letter: DeadLetter): Promise<void> {
    const { _id, ...rest } = letter;
    await this.letters.updateOne({ _id }, { $set: rest }, { upsert: true });
  }

  list(filter: DeadLetterFilter, limit = 200): Promise<DeadLetter[]> {
    const query =
      filter === 'all'
        ? {}
        : filter === 'pending'
          ? { replayedAt: null }
          : { replayedAt: { $ne: null } };
    return this.letters.find(query).sort({ failedAt: 1 }).limit(limit).lean<DeadLetter[]>();
  }

  findById(id: string): Promise<DeadLetter | null> {
    return this.letters.findById(id).lean<DeadLetter>();
  }

  async markReplayed(id: string, at: Date): Promise<void> {
    await this.letters.updateOne({ _id: id }, { $set: { replayedAt: at } });
  }
}

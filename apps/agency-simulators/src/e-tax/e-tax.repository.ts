import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';
import { mustExist } from '../common/must-exist';
import { FilingVoid, NoticeNumberClaim, TaxFiling } from './schemas/tax-filing.schema';

@Injectable()
export class ETaxRepository {
  /** The last notice number claimed or reserved in this process, by year (see claimNoticeNumbers). */
  private readonly last = new Map<number, number>();

  constructor(
    @InjectModel(TaxFiling.name) private readonly filings: Model<TaxFiling>,
    @InjectModel(NoticeNumberClaim.name) private readonly claims: Model<NoticeNumberClaim>,
    @InjectModel(FilingVoid.name) private readonly voids: Model<FilingVoid>,
  ) {}

  /**
   * Voids the filing unless it already was, and answers the filing with the void that stands
   * (this one, or the first). Every caller then copies the same values onto the filing, so a
   * crash between the two writes heals on the next call.
   */
  async void(filingId: string, candidate: FilingVoid): Promise<TaxFiling> {
    let stands = candidate;
    try {
      await this.voids.create(candidate);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      stands = mustExist(
        await this.voids.findById(filingId).lean<FilingVoid>().exec(),
        `void of filing ${filingId}`,
      );
    }
    const filing = await this.filings
      .findOneAndUpdate(
        { _id: filingId },
        { $set: { voidedAt: stands.voidedAt, voidReason: stands.reason } },
        { returnDocument: 'after' },
      )
      .lean<TaxFiling>()
      .exec();
    return mustExist(filing, `filing ${filingId}`);
  }

  find(filingId: string): Promise<TaxFiling | null> {
    return this.filings.findById(filingId).lean<TaxFiling>().exec();
  }

  /** Inserts the filing unless its id is taken; answers false when it was (a concurrent retry). */
  async insert(filing: TaxFiling): Promise<boolean> {
    try {
      await this.filings.create(filing);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Claims `count` numbers of a year's sequence for a filing, each by inserting it: two
   * filings racing for the same number cannot both get it, the loser moves on to the next.
   * A filing that then loses its own insert race leaves unused numbers, as a voided form does.
   *
   * Where the sequence is comes from this process's memory: read once from the database,
   * then each number is reserved here before its insert, so that the filings of one slip
   * (sent together) take different numbers. A number found taken (another process) makes
   * the next one read the database again. Reading it for every filing sorted the whole
   * year's claims each time (FerretDB does not sort by index), which made filings, and so
   * the tax service's hop, slower as the year went on.
   */
  async claimNoticeNumbers(year: number, count: number, filingId: string): Promise<number[]> {
    const claimed: number[] = [];
    while (claimed.length < count) {
      const read = this.last.has(year) ? 0 : await this.lastStored(year);
      // No await between choosing the number and reserving it.
      const sequence = Math.max(read, this.last.get(year) ?? 0) + 1;
      this.last.set(year, sequence);
      try {
        await this.claims.create({ _id: `${year}-${sequence}`, year, sequence, filingId });
        claimed.push(sequence);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        this.last.delete(year);
      }
    }
    return claimed;
  }

  private async lastStored(year: number): Promise<number> {
    const last = await this.claims
      .findOne({ year })
      .sort({ sequence: -1 })
      .lean<NoticeNumberClaim>()
      .exec();
    return last?.sequence ?? 0;
  }
}

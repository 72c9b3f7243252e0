import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import type { LocalDate } from '@lien-thong/calendar';
import { DossierSequence, sequenceKey } from '@lien-thong/dossier-code';
import { withDocumentLock } from '@lien-thong/messaging';

/**
 * The per-unit, per-day dossier number, counted in the database: one atomic increment per
 * dossier, so two instances of the service never hand out the same code.
 */
@Injectable()
export class DossierSequenceRepository implements DossierSequence {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async next(unitCode: string, localDate: LocalDate): Promise<number> {
    const key = sequenceKey(unitCode, localDate);
    // Locked: FerretDB does not make $inc atomic under concurrency (see withDocumentLock);
    // the unique dossier code is the last line of defence (a duplicate insert fails).
    const counter = await withDocumentLock(this.connection, `dossier_sequences:${key}`, () =>
      this.connection
        .collection<{ _id: string; value: number }>('dossier_sequences')
        .findOneAndUpdate(
          { _id: key },
          { $inc: { value: 1 } },
          { upsert: true, returnDocument: 'after' },
        ),
    );
    if (!counter) throw new Error('the dossier counter did not answer');
    return counter.value;
  }
}

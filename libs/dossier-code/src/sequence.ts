import { LocalDate, vietnamDateOf } from '@lien-thong/calendar';
import { BundledFormatId, DossierCodeFormat, formatDossierCode } from './dossier-code';

/**
 * Port for the per-unit, per-day counter. The real one lives in the land-registry service and
 * must be atomic in the database, e.g. in MongoDB
 * `findOneAndUpdate({ _id: sequenceKey(unit, date) }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' })`,
 * so that two instances never hand out the same number.
 */
export interface DossierSequence {
  /** The next number (1, 2, 3 …) for this unit on this local date. */
  next(unitCode: string, localDate: LocalDate): Promise<number>;
}

/** The counter's identity: one counter per receiving unit and local day. */
export function sequenceKey(unitCode: string, localDate: LocalDate): string {
  return `${unitCode}|${localDate}`;
}

/** For unit tests only: a counter in memory, atomic because JS runs one callback at a time. */
export class InMemoryDossierSequence implements DossierSequence {
  private readonly counters = new Map<string, number>();

  async next(unitCode: string, localDate: LocalDate): Promise<number> {
    await Promise.resolve(); // behave like a real, asynchronous store
    const key = sequenceKey(unitCode, localDate);
    const value = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, value);
    return value;
  }
}

export interface IssuedDossierCode {
  code: string;
  date: LocalDate;
  sequence: number;
}

/**
 * Draws the next number for the unit on the local date of `receivedAt` and formats the code.
 * The date is the day the dossier was received, even after the 15:00 cut-off.
 */
export async function issueDossierCode(
  sequence: DossierSequence,
  format: BundledFormatId | DossierCodeFormat,
  request: { unitCode: string; receivedAt: Date; fields?: Record<string, string> },
): Promise<IssuedDossierCode> {
  const date = vietnamDateOf(request.receivedAt);
  // Format once with a placeholder number first, so a bad unit code fails before a number is used up.
  formatDossierCode(format, {
    unitCode: request.unitCode,
    date,
    sequence: 1,
    ...(request.fields ? { fields: request.fields } : {}),
  });
  const number = await sequence.next(request.unitCode, date);
  const code = formatDossierCode(format, {
    unitCode: request.unitCode,
    date,
    sequence: number,
    ...(request.fields ? { fields: request.fields } : {}),
  });
  return { code, date, sequence: number };
}

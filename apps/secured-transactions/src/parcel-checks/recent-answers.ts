import type { ParcelCheck } from './schemas/parcel-check.schema';

export type RecentAnswer = Pick<ParcelCheck, 'registryResult' | 'result' | 'checkedAt' | 'asOf'>;

/**
 * The newest clear answer the registry gave for each parcel, kept in this process for as
 * long as it may be reused. Reuse is only a saving (a check may always ask the registry), so
 * a process that did not see the answer, or restarted, asks again; keeping it here instead
 * of looking it up by parcel avoids a look-up per check that FerretDB 1.24 answered by
 * reading every check ever stored (issue 18), and the index it would need on every insert.
 */
export class RecentAnswers {
  private readonly byParcel = new Map<string, RecentAnswer>();

  constructor(
    private readonly keepMs: number,
    /** Parcels remembered at most: the oldest entries go first (a Map keeps insertion order). */
    private readonly maxParcels = 10_000,
  ) {}

  /** Remembers the registry's own answer if it is clear and newer than the one known. */
  remember(parcelKey: string, answer: RecentAnswer): void {
    if ((answer.registryResult ?? answer.result).status !== 'CLEAR') return;
    const known = this.byParcel.get(parcelKey);
    if (known && known.checkedAt >= answer.checkedAt) return;
    this.byParcel.delete(parcelKey);
    this.byParcel.set(parcelKey, answer);
    this.forgetOld(Date.now() - this.keepMs);
  }

  /** The parcel's newest clear answer checked at or after `since`, if this process has it. */
  since(parcelKey: string, since: Date): RecentAnswer | null {
    const known = this.byParcel.get(parcelKey);
    return known && known.checkedAt >= since ? known : null;
  }

  private forgetOld(before: number): void {
    for (const [key, answer] of this.byParcel) {
      if (this.byParcel.size <= this.maxParcels && answer.checkedAt.getTime() >= before) return;
      this.byParcel.delete(key);
    }
  }
}

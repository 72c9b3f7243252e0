import type { LegalBasis } from '@lien-thong/calendar';

/**
 * The rules library counts in bigint; documents, events and agency APIs carry whole VND as
 * JavaScript numbers, which are exact only up to 2^53. No parcel is worth that much, so an
 * amount beyond it is a bug, never rounded.
 */
export function toVnd(amount: bigint): number {
  const value = Number(amount);
  if (!Number.isSafeInteger(value))
    throw new RangeError(`amount ${amount} VND is not exact as a number`);
  return value;
}

/** "Nghị định 10/2022/NĐ-CP, Điều 8; …": the citation a notice prints. */
export function formatLegalBasis(bases: readonly LegalBasis[]): string {
  return bases.map((b) => (b.article ? `${b.document}, ${b.article}` : b.document)).join('; ');
}

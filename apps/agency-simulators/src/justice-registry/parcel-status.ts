import { ParcelStatus } from '@lien-thong/agency-contracts';

/**
 * The most restrictive encumbrance names the status. A hold (court interim measure, seizure
 * for enforcement…) forbids the transfer outright (Land Law 2024 art. 45.1); so does an
 * unresolved dispute; a mortgage only needs the mortgagee's consent (Civil Code art. 320–321).
 */
export function parcelStatus(record: {
  holds?: unknown[];
  dispute?: unknown;
  mortgage?: unknown;
}): ParcelStatus {
  if (record.holds && record.holds.length > 0) return 'BLOCKED';
  if (record.dispute) return 'DISPUTED';
  if (record.mortgage) return 'MORTGAGED';
  return 'CLEAR';
}

import { ObligationCode } from '@lien-thong/agency-contracts';

/** The abbreviations tax notices use for each obligation. */
const NOTICE_PREFIX: Record<ObligationCode, string> = {
  PIT: 'TNCN',
  REGISTRATION_FEE: 'LPTB',
  LAND_USE_LEVY: 'TSDD',
};

/**
 * A simulated notice number: TB-<obligation>-<year>-<7-digit sequence>. The sequence runs
 * per year across all obligations, so a number is unique on its own. (Real notices carry the
 * issuing tax office's own numbering; clients must treat the number as opaque.)
 */
export function noticeNumber(code: ObligationCode, year: number, sequence: number): string {
  return `TB-${NOTICE_PREFIX[code]}-${year}-${String(sequence).padStart(7, '0')}`;
}

/** The year in Vietnam (UTC+7, no daylight saving), which numbers the notices. */
export function vietnamYear(instant: Date): number {
  return new Date(instant.getTime() + 7 * 3_600_000).getUTCFullYear();
}

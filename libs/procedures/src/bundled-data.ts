import transfer20250701 from './data/procedures/transfer-2025-07-01.json';
import transfer20260701 from './data/procedures/transfer-2026-07-01.json';
import inheritance20250701 from './data/procedures/inheritance-2025-07-01.json';
import inheritance20260701 from './data/procedures/inheritance-2026-07-01.json';
import mortgage20250701 from './data/procedures/mortgage-2025-07-01.json';
import mortgageRelease20250701 from './data/procedures/mortgage-release-2025-07-01.json';
import purposeChange20260701 from './data/procedures/purpose-change-2026-07-01.json';
import houseRegistration20260701 from './data/procedures/house-registration-2026-07-01.json';
import haNoi from './data/fees/01.json';
import anGiang from './data/fees/91.json';

/**
 * The manifest of bundled data. A change of law is a new file under `data/procedures/` (its
 * `effectiveFrom` the day the instrument takes effect) plus one line here, never an edit of
 * the entry it replaces: dossiers received before keep the old rules. A province's new fee
 * resolution is a new version in its `data/fees/<province>.json`.
 */
export const BUNDLED_PROCEDURE_FILES: readonly unknown[] = [
  transfer20250701,
  transfer20260701,
  inheritance20250701,
  inheritance20260701,
  mortgage20250701,
  mortgageRelease20250701,
  purposeChange20260701,
  houseRegistration20260701,
];

export const BUNDLED_FEE_FILES: readonly unknown[] = [haNoi, anGiang];

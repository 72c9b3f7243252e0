import { CalendarErrorCode, CalendarException } from './errors';
import { assertLocalDate, LocalDate } from './local-date';

/** Where a rule comes from, so a notice or an officer's screen can cite it. */
export interface LegalBasis {
  /** The instrument, e.g. `Nghị định 10/2022/NĐ-CP`. */
  document: string;
  /** Article, clause and point, e.g. `Điều 8 khoản 1`. */
  article?: string;
  noteVi?: string;
  /** False when the citation or the rule itself still needs checking against the gazette. */
  confirmed?: boolean;
}

/** Anything that is in force from `effectiveFrom` to `effectiveTo` (both inclusive). */
export interface EffectiveDated {
  effectiveFrom: LocalDate;
  /** Last day in force; omitted while no later instrument is known. */
  effectiveTo?: LocalDate;
}

/**
 * The version in force on `date`: the latest `effectiveFrom` not after `date`, provided its
 * `effectiveTo` (when set) is not before `date`. A later version supersedes an earlier one
 * on its `effectiveFrom`, which is how a new decree replaces the old rule without an edit.
 */
export function findInForce<T extends EffectiveDated>(
  versions: readonly T[],
  date: LocalDate,
): T | undefined {
  assertLocalDate(date);
  let best: T | undefined;
  for (const version of versions) {
    if (version.effectiveFrom <= date && (!best || version.effectiveFrom > best.effectiveFrom)) {
      best = version;
    }
  }
  if (best?.effectiveTo !== undefined && best.effectiveTo < date) return undefined;
  return best;
}

/** Like {@link findInForce} but throws `CALENDAR.NO_RULE_IN_FORCE`. */
export function selectInForce<T extends EffectiveDated>(
  versions: readonly T[],
  date: LocalDate,
  what: string,
): T {
  const found = findInForce(versions, date);
  if (!found) {
    throw new CalendarException(
      CalendarErrorCode.NO_RULE_IN_FORCE,
      `no ${what} in force on ${date}`,
    );
  }
  return found;
}

/** Rejects two versions starting the same day, or a version that ends before it starts. */
export function assertWellOrdered(versions: readonly EffectiveDated[], what: string): void {
  const seen = new Set<LocalDate>();
  for (const version of versions) {
    assertLocalDate(version.effectiveFrom, `${what}.effectiveFrom`);
    if (
      version.effectiveTo !== undefined &&
      assertLocalDate(version.effectiveTo) < version.effectiveFrom
    ) {
      throw new CalendarException(CalendarErrorCode.INVALID_DATA, `${what} ends before it starts`);
    }
    if (seen.has(version.effectiveFrom)) {
      throw new CalendarException(
        CalendarErrorCode.INVALID_DATA,
        `two ${what} versions start on ${version.effectiveFrom}`,
      );
    }
    seen.add(version.effectiveFrom);
  }
}

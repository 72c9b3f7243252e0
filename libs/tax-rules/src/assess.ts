import { assertLocalDate, vietnamCalendar, WorkingCalendar } from '@lien-thong/calendar';
import { invalidInput } from './errors';
import {
  Assessment,
  LAND_USE_PURPOSES,
  RELATIONSHIPS,
  TRANSFER_KINDS,
  TransferInput,
} from './model';
import { pitLines } from './pit';
import { registrationFeeLines } from './registration-fee';
import { bundledRuleBook, RuleBook } from './rule-book';

export interface AssessOptions {
  /** Rule files and price tables to choose from; the bundled ones by default. */
  rules?: RuleBook;
  /** Calendar for payment due dates; the bundled Vietnamese calendar by default. */
  calendar?: WorkingCalendar;
}

/**
 * Every obligation arising from a transfer between individuals, itemised: personal income tax
 * per transferor, then the registration fee. Each line carries its base, rate, exemption,
 * inputs, legal basis and due dates, so a notice can explain it line by line.
 */
export function assessTransfer(input: TransferInput, options: AssessOptions = {}): Assessment {
  validate(input);
  const book = options.rules ?? bundledRuleBook();
  const calendar = options.calendar ?? vietnamCalendar();
  const lines = [
    ...pitLines(input, book, calendar),
    ...registrationFeeLines(input, book, calendar),
  ];
  return { lines, totalVnd: lines.reduce((sum, line) => sum + line.amountVnd, 0n) };
}

/** Rejects inputs that would otherwise produce a silently wrong amount. */
function validate(input: TransferInput): void {
  if (!TRANSFER_KINDS.includes(input.kind))
    invalidInput(`unknown transfer kind ${String(input.kind)}`);
  if (!LAND_USE_PURPOSES.includes(input.parcel.purpose))
    invalidInput(`unknown land-use purpose ${String(input.parcel.purpose)}`);
  if (!Number.isSafeInteger(input.parcel.areaTenthsM2) || input.parcel.areaTenthsM2 <= 0) {
    invalidInput('parcel.areaTenthsM2 must be a positive integer (tenths of a m²)');
  }
  for (const [name, value] of [
    ['contractDate', input.contractDate],
    ['declarationDate', input.declarationDate],
  ] as const) {
    try {
      assertLocalDate(value, name);
    } catch {
      invalidInput(`${name} must be YYYY-MM-DD`);
    }
  }
  if (
    input.contractPriceVnd !== undefined &&
    input.contractPriceVnd !== null &&
    input.contractPriceVnd < 0n
  ) {
    invalidInput('contractPriceVnd must not be negative');
  }
  const ids = new Set(input.transferors.map((t) => t.id));
  if (ids.size !== input.transferors.length) invalidInput('transferor ids must be unique');
  for (const t of input.transferors) {
    if (!RELATIONSHIPS.includes(t.relationshipToRecipient))
      invalidInput(`unknown relationship for ${t.id}`);
  }
  if (
    input.house &&
    (!Number.isSafeInteger(input.house.floorAreaTenthsM2) ||
      input.house.floorAreaTenthsM2 <= 0 ||
      input.house.unitPriceVnd < 0n)
  ) {
    invalidInput(
      'house floor area must be a positive integer of tenths of a m² and its unit price non-negative',
    );
  }
}

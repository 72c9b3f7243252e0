/** Namespaced error codes; callers branch on `code`, which survives a Kafka hop. */
export const TaxRulesErrorCode = {
  NO_RULE_IN_FORCE: 'TAX_RULES.NO_RULE_IN_FORCE',
  NO_PRICE_TABLE: 'TAX_RULES.NO_PRICE_TABLE',
  PRICE_NOT_FOUND: 'TAX_RULES.PRICE_NOT_FOUND',
  NO_HOUSE_PRICE_TABLE: 'TAX_RULES.NO_HOUSE_PRICE_TABLE',
  INVALID_INPUT: 'TAX_RULES.INVALID_INPUT',
  INVALID_RULE_FILE: 'TAX_RULES.INVALID_RULE_FILE',
} as const;

export type TaxRulesErrorCode = (typeof TaxRulesErrorCode)[keyof typeof TaxRulesErrorCode];

export class TaxRulesException extends Error {
  constructor(
    readonly code: TaxRulesErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'TaxRulesException';
  }
}

export function invalidInput(message: string): never {
  throw new TaxRulesException(TaxRulesErrorCode.INVALID_INPUT, message);
}

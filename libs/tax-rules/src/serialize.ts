import { Assessment } from './model';

/** An assessment with every bigint written as a decimal string. */
export type SerializedAssessment = ReturnType<typeof serializeAssessment>;

/**
 * JSON (and Kafka, and MongoDB without Decimal128) cannot carry bigint. Amounts travel as
 * decimal strings of whole VND; never as JS numbers, which lose precision above 2^53.
 */
export function serializeAssessment(assessment: Assessment) {
  return {
    totalVnd: assessment.totalVnd.toString(),
    lines: assessment.lines.map((line) => ({
      ...line,
      baseVnd: line.baseVnd.toString(),
      amountVnd: line.amountVnd.toString(),
      dueDates: line.dueDates.map((due) => ({ ...due, amountVnd: due.amountVnd.toString() })),
    })),
  };
}

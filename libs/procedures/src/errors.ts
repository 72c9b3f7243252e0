/** Namespaced error codes; callers branch on `code`, which survives a Kafka hop. */
export const ProceduresErrorCode = {
  /** The key names no procedure of the one-stop. */
  UNKNOWN_PROCEDURE: 'PROCEDURES.UNKNOWN_PROCEDURE',
  /** The procedure exists, but no catalogue entry covers the date asked for. */
  NOT_IN_FORCE: 'PROCEDURES.NOT_IN_FORCE',
  /** No fee schedule is bundled for the province, or none in force that day. */
  NO_FEE_SCHEDULE: 'PROCEDURES.NO_FEE_SCHEDULE',
  /** The schedule in force does not price a line the procedure charges: never guess zero. */
  FEE_NOT_SET: 'PROCEDURES.FEE_NOT_SET',
  INVALID_ARGUMENT: 'PROCEDURES.INVALID_ARGUMENT',
  INVALID_DATA: 'PROCEDURES.INVALID_DATA',
} as const;

export type ProceduresErrorCode = (typeof ProceduresErrorCode)[keyof typeof ProceduresErrorCode];

export class ProceduresException extends Error {
  constructor(
    readonly code: ProceduresErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'ProceduresException';
  }
}

export function invalidData(message: string): never {
  throw new ProceduresException(ProceduresErrorCode.INVALID_DATA, message);
}

/**
 * Base of every error a person or another service may see. The code is stable English,
 * namespaced (DOSSIER.NOT_FOUND) because instanceof does not cross a Kafka boundary;
 * the message is Vietnamese, for the citizen or officer who reads it.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    readonly messageVi: string,
    readonly httpStatus = 422,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${messageVi}`);
    this.name = new.target.name;
  }
}

/** One invalid field: where it is, a stable code, and what to fix, in Vietnamese. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The body of every 4xx/5xx answer. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

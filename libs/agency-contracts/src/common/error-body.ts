/** One invalid field of a request the simulator refused with 400. */
export interface AgencyFieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * The body of every 4xx/5xx answer from the simulators: a stable, namespaced code for
 * programs (branch on it) and a Vietnamese message for people.
 */
export interface AgencyErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: AgencyFieldError[];
  details?: Record<string, unknown>;
}

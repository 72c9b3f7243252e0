import { IsIn, IsString } from 'class-validator';

export const AGENCIES = [
  'justice-registry',
  'e-tax',
  'payment-gateway',
  'sms',
  'email',
  'zalo',
  'population',
  'construction',
] as const;
export type Agency = (typeof AGENCIES)[number];
export const BREAKER_STATES = ['CLOSED', 'OPEN', 'HALF_OPEN'] as const;
export type BreakerState = (typeof BREAKER_STATES)[number];

/**
 * A service's circuit breaker for an agency changed state. Keyed by agency, not dossier:
 * dossiers waiting for that agency say so in their timelines.
 */
export class AgencyAvailabilityChangedV1 {
  @IsIn(AGENCIES)
  agency!: Agency;

  @IsIn(BREAKER_STATES)
  state!: BreakerState;

  /** The service whose breaker it is. */
  @IsString()
  observedBy!: string;
}

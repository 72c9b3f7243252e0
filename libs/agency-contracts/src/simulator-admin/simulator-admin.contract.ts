import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import type { ParcelRef } from '../justice-registry/justice-registry.contract';

/**
 * Controls of the agency simulators, for tests, benchmarks and demos. None of this exists
 * at a real agency. Paths are absolute on the simulators' root URL.
 */
export const SIMULATOR_ADMIN_API = {
  faults: '/admin/faults',
  agencyFaults: (agency: AgencyName) => `/admin/faults/${agency}`,
  stats: '/admin/stats',
  agencyStats: (agency: AgencyName) => `/admin/stats/${agency}`,
  justiceHolds: '/admin/justice/holds',
  justiceParcelHolds: (parcel: ParcelRef) =>
    `/admin/justice/holds/${parcel.communeCode}/${parcel.mapSheetNumber}/${parcel.parcelNumber}`,
  paymentAutoPay: '/admin/payments/auto-pay',
  paymentPay: (orderId: string) => `/admin/payments/orders/${encodeURIComponent(orderId)}/pay`,
  paymentRedeliverCallback: (orderId: string) =>
    `/admin/payments/orders/${encodeURIComponent(orderId)}/callback`,
  messages: '/admin/messages',
} as const;

/** The simulated agencies, as fault settings and statistics name them. */
export const AGENCY_NAMES = [
  'justice-registry',
  'e-tax',
  'payment-gateway',
  'sms',
  'email',
  'zalo',
  'population',
  'construction',
] as const;
export type AgencyName = (typeof AGENCY_NAMES)[number];

export const SIMULATOR_ERRORS = {
  /** 503 while an agency is set to be down. */
  OUTAGE: 'SIMULATOR.OUTAGE',
  /** The errorStatus answered to the errorRate share of calls. */
  INJECTED_FAILURE: 'SIMULATOR.INJECTED_FAILURE',
} as const;

/**
 * PUT replaces an agency's faults: omitted fields go back to their defaults (no latency,
 * no errors, status 503, no outage).
 */
export class FaultSettingsRequest {
  /** Added to every answer (outage excepted), after the agency has done the work. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600_000)
  latencyMs?: number;

  /** Share of calls answered with errorStatus before the agency does anything. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  errorRate?: number;

  @IsOptional()
  @IsInt()
  @Min(400)
  @Max(599)
  errorStatus?: number;

  /** Every call answered 503 at once. */
  @IsOptional()
  @IsBoolean()
  outage?: boolean;

  /** Restarts the agency's random sequence, so that which calls fail is reproducible. */
  @IsOptional()
  @IsInt()
  seed?: number;
}

export class FaultSettings {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 600_000 })
  latencyMs!: number;

  @ApiProperty({ minimum: 0, maximum: 1 })
  errorRate!: number;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599 })
  errorStatus!: number;

  @ApiProperty()
  outage!: boolean;

  @ApiProperty({ type: 'integer' })
  seed!: number;
}

export type AllFaultSettings = Record<AgencyName, FaultSettings>;

/**
 * Calls to one agency since the last reset. received = completed + failedInjected +
 * aborted + the calls still in flight; aborted counts clients that disconnected before
 * the answer was sent (a client timeout that really cancelled its request).
 */
export class AgencyStats {
  @ApiProperty({ type: 'integer', minimum: 0 })
  received!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  completed!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  failedInjected!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  aborted!: number;
}

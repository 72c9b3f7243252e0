/**
 * Whether work deferred because an agency's system was down should keep waiting for it.
 * The resilience library answers from the agency's circuit breaker; while it says wait,
 * the consumer holds the deferred event where it is on its retry topic, so the events
 * behind it keep their order and the backlog drains in the order it built up.
 */
export interface AgencyGate {
  shouldWait(agency: string): boolean;
}

export const AGENCY_GATE = Symbol('AGENCY_GATE');

import type { Actor } from './actor';

/** Something security-relevant that happened at the edge (recorded by the audit log). */
export interface SecurityEvent {
  kind: 'TOKEN_REJECTED' | 'FORBIDDEN' | 'WEBHOOK_REJECTED';
  reason: string;
  method: string;
  path: string;
  ip: string;
  actor?: Actor;
}

/** Provided by the audit module where a service keeps one; optional for the guard. */
export const SECURITY_EVENTS = Symbol('SECURITY_EVENTS');

export interface SecurityEventSink {
  securityEvent(event: SecurityEvent): Promise<void>;
}

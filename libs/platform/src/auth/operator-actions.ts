import type { Actor } from './actor';

/**
 * Where platform routes record what an operator did (the switch of the maintenance mode):
 * the service's audit log where it keeps one (AuditLog.record has this shape); optional.
 */
export const OPERATOR_ACTIONS = Symbol('OPERATOR_ACTIONS');

export interface OperatorActionSink {
  record(entry: {
    actor: Actor;
    action: string;
    ip?: string;
    details?: Record<string, unknown>;
  }): Promise<unknown>;
}

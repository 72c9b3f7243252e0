import { Agency } from '@lien-thong/contracts';
import { AgencyPolicy, DEFAULT_POLICY } from './agency-policy';

/**
 * Per-agency defaults, from what each system is for: registry look-ups are quick and
 * idempotent; filing with e-tax is slower; message gateways are many small calls.
 * Override any of them with AGENCY_POLICY_OVERRIDES (JSON, per agency).
 */
export const DEFAULT_POLICIES: Record<Agency, AgencyPolicy> = {
  'justice-registry': { ...DEFAULT_POLICY, timeoutMs: 2_000 },
  'e-tax': { ...DEFAULT_POLICY, timeoutMs: 5_000, resetTimeoutMs: 15_000 },
  'payment-gateway': { ...DEFAULT_POLICY, timeoutMs: 5_000 },
  sms: { ...DEFAULT_POLICY, timeoutMs: 2_000, maxConcurrent: 50 },
  email: { ...DEFAULT_POLICY, timeoutMs: 3_000, maxConcurrent: 50 },
  zalo: { ...DEFAULT_POLICY, timeoutMs: 2_000, maxConcurrent: 50 },
  population: { ...DEFAULT_POLICY, timeoutMs: 2_000 },
  construction: { ...DEFAULT_POLICY, timeoutMs: 5_000 },
};

export function policyFor(agency: Agency, overridesJson?: string): AgencyPolicy {
  const overrides = overridesJson
    ? (JSON.parse(overridesJson) as Partial<Record<Agency, Partial<AgencyPolicy>>>)
    : {};
  return { ...DEFAULT_POLICIES[agency], ...(overrides[agency] ?? {}) };
}

/**
 * The procedures the one-stop handles, by the key every service uses. The national procedure
 * code (several keys may share one, e.g. a transfer and an inheritance are both registrations
 * of a change) and everything else about a procedure live in the catalogue (libs/procedures).
 */
export const PROCEDURES = [
  'TRANSFER',
  'INHERITANCE',
  'MORTGAGE',
  'MORTGAGE_RELEASE',
  'PURPOSE_CHANGE',
  'HOUSE_REGISTRATION',
] as const;
export type ProcedureKey = (typeof PROCEDURES)[number];

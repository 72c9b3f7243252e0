import type { ProcedureKey } from '../../../forms';

/** What the intake answers (201): the receipt, shown once with its tracking secret. */
export interface Receipt {
  dossierCode: string;
  procedure: ProcedureKey;
  receivedAt: string;
  appointmentAt: string;
  workingDays: number;
  fees: { labelVi: string; amountVnd: number; decisionVi?: string }[];
  /** Null on a retry of the same request: it was given the first time only. */
  trackingSecret: string | null;
  receiptVi: string;
}

/** The province of an officer's unit: "01/CN-BADINH" → "01". */
export function provinceOfUnit(unit: string | undefined): string | undefined {
  return unit?.split('/')[0] || undefined;
}

/** The national databases a document is looked up in instead of being handed in. */
export const LOOKUP_VI: Record<string, string> = {
  LAND_DATABASE: 'Cơ sở dữ liệu đất đai',
  POPULATION_DATABASE: 'Cơ sở dữ liệu quốc gia về dân cư',
  CIVIL_STATUS_DATABASE: 'Cơ sở dữ liệu hộ tịch điện tử',
};

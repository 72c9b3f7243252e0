/** The receipt of an online submission (apps/land-registry/src/intake/dto/receipt-view.dto.ts). */
export interface Receipt {
  dossierCode: string;
  procedure: string;
  receivedAt: string;
  appointmentAt: string;
  workingDays: number;
  fees: { code: string; labelVi: string; amountVnd: number; decisionVi: string }[];
  trackingSecret: string | null;
  receiptVi: string;
}

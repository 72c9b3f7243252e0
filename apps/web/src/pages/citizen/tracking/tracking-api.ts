/** What GET /tracking/:code?secret= answers: progress and what to do, nothing personal. */
export interface TrackedDossier {
  dossierCode: string;
  procedureVi?: string;
  statusVi?: string;
  heldByVi?: string;
  waitingForVi: string | null;
  receivedAt: string;
  appointmentAt: string;
  steps: { at: string; noteVi: string }[];
  toPay: {
    totalVnd: number;
    payUrl: string | null;
    notices: { labelVi: string; amountVnd: number; dueDate: string; noticeNumber: string }[];
  } | null;
  fees: { labelVi: string; amountVnd: number; decisionVi: string }[];
  refusalVi: string | null;
  certificateVi: string | null;
}

/** The receipt's secret: 10 letters and digits (apps/land-registry tracking-query.dto.ts). */
export const SECRET_PATTERN = /^[A-Za-z2-9]{10}$/;

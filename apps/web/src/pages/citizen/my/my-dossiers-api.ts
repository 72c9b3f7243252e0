import type { TrackedDossier } from '../tracking/tracking-api';

/** The printable forms a party may download (GET /dossiers/:code/forms/<kind>). */
export type FormKind =
  'receipt' | 'supplement-request' | 'tax-notice' | 'refusal' | 'apology' | 'result';

/** In the order a dossier gets them (apps/land-registry/src/forms/form-parts.ts). */
export const FORM_VI: Record<FormKind, string> = {
  receipt: 'Giấy tiếp nhận',
  'supplement-request': 'Phiếu yêu cầu bổ sung hồ sơ',
  'tax-notice': 'Thông báo nộp tiền',
  refusal: 'Thông báo từ chối',
  apology: 'Thư xin lỗi',
  result: 'Thông báo kết quả',
};

/** One of the citizen's own dossiers, as GET /citizen/dossiers lists it. */
export interface MyDossier {
  dossierCode: string;
  procedure: string;
  procedureNameVi: string;
  status: string;
  statusVi: string;
  receivedAt: string;
  appointmentDate: string;
  channel: 'ONLINE' | 'COUNTER';
  /** Whole VND still owed on a tax notice. */
  amountDue?: number;
  /** The payment gateway's page for what is owed. */
  paymentUrl?: string;
  canWithdraw: boolean;
  forms: string[];
}

export interface MyDossiersPage {
  items: MyDossier[];
  nextCursor?: string | null;
}

/** What GET /dossiers/:code answers a citizen who is a party: the tracking view. */
export type MyDossierView = TrackedDossier;

/** A document uploaded to a dossier (stored by the land registry). */
export interface DossierDocument {
  documentId: string;
  kind: string;
  kindVi: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

export const CHANNEL_VI: Record<MyDossier['channel'], string> = {
  ONLINE: 'Nộp trực tuyến',
  COUNTER: 'Nộp tại Bộ phận Một cửa',
};

/** The forms a party may download now; the known ones only, in a stable order. */
export function downloadableForms(d: Pick<MyDossier, 'forms'> | undefined): FormKind[] {
  return (Object.keys(FORM_VI) as FormKind[]).filter((k) => d?.forms.includes(k));
}

/** The query keys the citizen's pages share (a withdrawal or an upload refreshes them). */
export const MY_KEYS = {
  list: ['my-dossiers'] as const,
  dossier: (code: string) => ['my-dossier', code] as const,
  documents: (code: string) => ['my-dossier-documents', code] as const,
};

/** What a browser accepts before uploading (the land registry checks the content again). */
export const UPLOAD_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
  types: ['application/pdf', 'image/jpeg', 'image/png'],
};

/** A size the way people read it: "1,2 MB", "350 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A dossier that is finished takes no more documents. */
export const FINISHED_STATUSES = ['RESULT_READY', 'DONE', 'REFUSED', 'WITHDRAWN'];

import { Timeliness } from '../../../format/TimelinessBadge';

/** One row of the unit's queue (GET /dossiers of the land registry). */
export interface QueueRow {
  dossierCode: string;
  procedureVi: string;
  applicantName: string;
  parcel: string;
  channel: 'ONLINE' | 'COUNTER';
  receivedAt: string;
  currentDeadline: string | null;
  /** Negative once late; null when finished or while the clock is paused. */
  workingDaysLeft: number | null;
  statusVi: string;
  heldByVi: string;
  waitingForAgencyVi: string | null;
  assignee: string | null;
  timeliness: Timeliness;
  timelinessVi: string;
}

export interface QueuePage {
  items: QueueRow[];
  nextCursor: string | null;
}

export interface QueueFilter {
  q?: string;
  status?: string;
  procedure?: string;
  due?: 'today' | 'overdue' | 'soon';
  channel?: 'ONLINE' | 'COUNTER';
  cursor?: string;
}

type Call = <T>(path: string, query?: Record<string, string | undefined>) => Promise<T>;

export function fetchQueue(call: Call, filter: QueueFilter): Promise<QueuePage> {
  return call<QueuePage>('/dossiers', { ...filter, limit: '50' });
}

/** A dossier code as typed (the land registry's DOSSIER_CODE_PATTERN); null when it cannot be one. */
export function asDossierCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9.-]{5,40}$/.test(code) && /\d/.test(code) ? code : null;
}

export const CHANNEL_VI = { ONLINE: 'Trực tuyến', COUNTER: 'Tại Bộ phận Một cửa' } as const;

/** The steps a dossier can be at, for the status filter (the land registry's STATUS_VI, shortened). */
export const STATUS_FILTER_VI: Record<string, string> = {
  CHECKING_PARCEL: 'Kiểm tra ngăn chặn, thế chấp',
  WAITING_FOR_CONSTRUCTION: 'Chờ Sở Xây dựng',
  WAITING_FOR_TAX: 'Chờ cơ quan thuế',
  WAITING_FOR_PAYMENT: 'Chờ người dân nộp tiền',
  RECHECKING_HOLDS: 'Kiểm tra lại ngăn chặn',
  IN_REVIEW: 'Đang thẩm định',
  AWAITING_APPROVAL: 'Chờ lãnh đạo phê duyệt',
  SUPPLEMENT_REQUESTED: 'Cần bổ sung',
  RESULT_READY: 'Có kết quả',
  DONE: 'Đã trả kết quả',
  REFUSED: 'Bị từ chối',
  WITHDRAWN: 'Đã rút',
};

export const DUE_VI = {
  today: 'Đến hạn hôm nay',
  soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
} as const;

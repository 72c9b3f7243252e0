import type { PauseReason } from '@lien-thong/calendar';
import type { PayloadOf, TopicName } from '@lien-thong/contracts';
import type {
  Dossier,
  DossierStatus,
  Holder,
  StoredPause,
  TimelineEntry,
} from '../dossiers/dossier';

/** An event the transition announces (written to the dossier's outbox in the same write). */
export interface Emission<T extends TopicName = TopicName> {
  topic: T;
  payload: PayloadOf<T>;
}

export function emission<T extends TopicName>(topic: T, payload: PayloadOf<T>): Emission {
  return { topic, payload } as Emission;
}

/** What one step of the saga changes; the service writes it atomically. */
export interface Transition {
  status?: DossierStatus;
  heldBy?: Holder;
  set?: Partial<Dossier>;
  pauses?: StoredPause[];
  timeline: TimelineEntry[];
  emit: Emission[];
}

export function openPause(pauses: StoredPause[], reason: PauseReason, at: Date): StoredPause[] {
  const open = pauses.find((p) => !p.to);
  if (open) return pauses;
  return [...pauses, { from: at, to: null, reason }];
}

export function closePause(pauses: StoredPause[], at: Date): StoredPause[] {
  return pauses.map((p) => (p.to ? p : { ...p, to: at < p.from ? p.from : at }));
}

/** The agency each step waits on, in the words a citizen reads. */
export const HOLDER_VI: Record<Holder, string> = {
  'land-registry': 'Văn phòng đăng ký đất đai',
  'secured-transactions': 'Sở Tư pháp (thông tin giao dịch bảo đảm, ngăn chặn)',
  'tax-obligation': 'Cơ quan thuế',
  construction: 'Sở Xây dựng (xác nhận công trình xây dựng)',
  citizen: 'Người dân',
  none: '',
};

export const STATUS_VI: Record<DossierStatus, string> = {
  CHECKING_PARCEL: 'Đang kiểm tra thông tin ngăn chặn, thế chấp của thửa đất',
  WAITING_FOR_CONSTRUCTION: 'Đang chờ Sở Xây dựng xác nhận nhà ở, công trình xây dựng',
  WAITING_FOR_TAX: 'Đang chờ cơ quan thuế xác định nghĩa vụ tài chính',
  WAITING_FOR_PAYMENT: 'Chờ người dân nộp tiền theo thông báo thuế',
  RECHECKING_HOLDS: 'Đang kiểm tra lại thông tin ngăn chặn trước khi đăng ký',
  IN_REVIEW: 'Văn phòng đăng ký đất đai đang thẩm định hồ sơ',
  AWAITING_APPROVAL: 'Chờ lãnh đạo Văn phòng đăng ký đất đai phê duyệt',
  RESULT_READY: 'Đã đăng ký, có kết quả',
  DONE: 'Đã trả kết quả',
  REFUSED: 'Hồ sơ bị từ chối',
  WITHDRAWN: 'Hồ sơ đã được rút theo yêu cầu của người nộp',
  SUPPLEMENT_REQUESTED: 'Cần bổ sung hồ sơ',
};

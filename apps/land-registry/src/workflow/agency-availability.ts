import type { Agency } from '@lien-thong/contracts';
import { Transition } from './transition';

/** The agencies a transfer waits on, as a citizen reads them in the timeline. */
const SYSTEM_VI: Partial<Record<Agency, string>> = {
  'justice-registry': 'Hệ thống thông tin ngăn chặn, giao dịch bảo đảm của Sở Tư pháp',
  'e-tax': 'Hệ thống thuế điện tử của cơ quan thuế',
  'payment-gateway': 'Cổng thanh toán trực tuyến',
  construction: 'Hệ thống của Sở Xây dựng',
};

const timeVi = (at: Date) =>
  at.toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });

/** The dossier waits for an agency whose system is down: which one and since when. */
export function agencyDown(agency: Agency, at: Date): Transition {
  return {
    set: { waitingFor: { agency, since: at } },
    timeline: [
      {
        at,
        step: 'WAITING_FOR_AGENCY',
        actor: agency,
        noteVi: `${SYSTEM_VI[agency] ?? agency} tạm ngừng hoạt động từ ${timeVi(at)}; hồ sơ đang chờ và sẽ tự tiếp tục khi hệ thống hoạt động trở lại`,
      },
    ],
    emit: [],
  };
}

/** The agency is back: the dossier goes on by itself. */
export function agencyBack(agency: Agency, at: Date): Transition {
  return {
    set: { waitingFor: null },
    timeline: [
      {
        at,
        step: 'AGENCY_AVAILABLE',
        actor: agency,
        noteVi: `${SYSTEM_VI[agency] ?? agency} đã hoạt động trở lại lúc ${timeVi(at)}; hồ sơ tiếp tục được xử lý`,
      },
    ],
    emit: [],
  };
}

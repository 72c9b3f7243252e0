import type { CancellationReason } from '@lien-thong/contracts';

/** Why obligations were cancelled or a payment refunded, as the citizen reads it. */
export function whyCancelledVi(reason: CancellationReason): string {
  switch (reason) {
    case 'REFUSED':
      return 'hồ sơ không được giải quyết';
    case 'WITHDRAWN':
      return 'hồ sơ đã được rút theo đề nghị của người nộp';
    case 'SUPERSEDED':
      return 'phiếu chuyển thông tin đã được sửa đổi và nghĩa vụ tài chính được xác định lại';
  }
}

import type { CancellationReason } from '@lien-thong/contracts';

/**
 * What the tax authority and the gateway are told when notices are voided and an order is
 * cancelled or refunded (they keep it with the void or the refund, for their own records).
 */
export function reversalReasonVi(reason: CancellationReason, dossierCode: string): string {
  switch (reason) {
    case 'REFUSED':
      return `Hồ sơ ${dossierCode} bị từ chối giải quyết`;
    case 'WITHDRAWN':
      return `Người nộp rút hồ sơ ${dossierCode}`;
    case 'SUPERSEDED':
      return `Phiếu chuyển thông tin của hồ sơ ${dossierCode} được thay thế bằng phiếu đã sửa đổi`;
  }
}

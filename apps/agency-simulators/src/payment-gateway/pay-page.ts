import { PaymentOrderResponse } from '@lien-thong/agency-contracts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The page behind an order's payUrl, for demos: it says loudly that it is a simulator, and
 * its button does what the admin pay call does.
 */
export function renderPayPage(order: PaymentOrderResponse, payAction: string): string {
  const amount = `${new Intl.NumberFormat('vi-VN').format(order.amountVnd)} đồng`;
  const status = order.status;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng thanh toán (mô phỏng)</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 2rem auto">
<p style="background:#fde68a;padding:.5rem"><strong>MÔ PHỎNG</strong>: đây không phải cổng thanh toán thật, không có tiền nào được chuyển.</p>
<h1>Thanh toán nghĩa vụ tài chính</h1>
<p>Hồ sơ: <strong>${escapeHtml(order.dossierCode)}</strong></p>
<p>Thông báo nộp tiền: ${order.noticeNumbers.map(escapeHtml).join(', ')}</p>
<p>Số tiền: <strong>${escapeHtml(amount)}</strong></p>
${statusParagraph(order, status, payAction)}
</body></html>`;
}

function statusParagraph(
  order: PaymentOrderResponse,
  status: PaymentOrderResponse['status'],
  payAction: string,
): string {
  switch (status) {
    case 'PENDING':
      return `<form method="post" action="${escapeHtml(payAction)}"><button type="submit">Thanh toán (giả lập)</button></form>`;
    case 'PAID':
      return `<p>Đã thanh toán lúc ${escapeHtml(order.paidAt ?? '')}, mã giao dịch ${escapeHtml(order.transactionId ?? '')}.</p>`;
    case 'CANCELLED':
      return '<p>Lệnh thanh toán đã bị hủy: không phải nộp khoản tiền này.</p>';
    case 'REFUNDED':
      return `<p>Khoản đã nộp đã được hoàn trả (mã hoàn tiền ${escapeHtml(order.refundId ?? '')}).</p>`;
  }
}

import type { ObligationsAssessedV1, PaymentNoticeV1 } from '@lien-thong/contracts';
import { emailBody, formatDate, formatVnd, SMS_MAX, trackingLink } from './format';
import { RenderedMessage, TemplateContext } from './template';

/** Where to pay when the tax authority gave no online payment page. */
const PAY_ELSEWHERE_VI = 'qua Cổng Dịch vụ công quốc gia hoặc tại ngân hàng, kho bạc';

function howToPay(payUrl: string | undefined): string {
  return payUrl ? `Nộp trực tuyến tại ${payUrl}` : `Nộp ${PAY_ELSEWHERE_VI}`;
}

function smsLine(notice: PaymentNoticeV1): string {
  if (notice.amountVnd === 0) return `${notice.labelVi} 0 đồng (miễn)`;
  return `${notice.labelVi} ${formatVnd(notice.amountVnd)}, hạn ${formatDate(notice.dueDate)}`;
}

function emailLine(notice: PaymentNoticeV1): string {
  const head = `- ${notice.labelVi} (thông báo số ${notice.noticeNumber}, người nộp ${notice.taxpayerName}): ${formatVnd(notice.amountVnd)}`;
  if (notice.amountVnd === 0)
    return `${head}, được miễn${notice.exemptionVi ? `: ${notice.exemptionVi}` : ''}`;
  const exemption = notice.exemptionVi ? ` (${notice.exemptionVi})` : '';
  return `${head}, hạn nộp ${formatDate(notice.dueDate)}${exemption}`;
}

function earliestDue(notices: PaymentNoticeV1[]): string {
  const owed = notices.filter((n) => n.amountVnd > 0);
  const dates = (owed.length > 0 ? owed : notices).map((n) => n.dueDate).sort();
  return formatDate(dates[0]);
}

/**
 * The tax authority's payment notices (one per obligation): each amount with its deadline,
 * and how to pay. Deadlines are the notices' own (30 days for income tax and registration
 * fee; land-use levy 50 % within 30 days, the rest within 90, Decree 103/2024).
 */
export function taxNotice(
  payload: ObligationsAssessedV1,
  context: TemplateContext,
): RenderedMessage {
  const code = context.dossierCode;
  const total = formatVnd(payload.totalVnd);
  const pay = howToPay(payload.payUrl);
  const full = `Hồ sơ ${code}: thông báo nộp nghĩa vụ tài chính: ${payload.notices.map(smsLine).join('; ')}. Tổng ${total}. ${pay}.`;
  // Many co-owners make many notices: the SMS then gives the total and points to the details.
  const sms =
    full.length <= SMS_MAX
      ? full
      : `Hồ sơ ${code}: ${payload.notices.length} thông báo nộp nghĩa vụ tài chính, tổng ${total}, hạn sớm nhất ${earliestDue(payload.notices)}. Chi tiết: ${trackingLink(context)}. ${pay}.`;
  return {
    template: 'TAX_NOTICE',
    sms,
    email: {
      subject: `Thông báo nộp nghĩa vụ tài chính hồ sơ ${code}: ${total}`,
      body: emailBody(context, [
        `Cơ quan thuế đã xác định nghĩa vụ tài chính của hồ sơ ${code} như sau:`,
        payload.notices.map(emailLine).join('\n'),
        `Tổng cộng: ${total}.`,
        `${pay}. Nộp quá hạn phải nộp thêm tiền chậm nộp theo Luật Quản lý thuế. Thời gian nộp nghĩa vụ tài chính không tính vào thời hạn giải quyết hồ sơ.`,
      ]),
    },
  };
}

import type { DossierReceivedV1, FeeLineV1 } from '@lien-thong/contracts';
import { emailBody, formatDate, formatVnd, receiptTrackingSentence, SMS_MAX } from './format';
import { inSentence, procedureWording } from './procedure-wording';
import { RenderedMessage, TemplateContext } from './template';

const RESULT_DELIVERY_VI: Record<DossierReceivedV1['resultDelivery'], string> = {
  COUNTER: 'nhận trực tiếp tại bộ phận một cửa',
  POST: 'gửi qua dịch vụ bưu chính công ích',
};

/** A fee with its amount, the online reduction when one applied, and the decision it cites. */
function feeLineVi(fee: FeeLineV1): string {
  const reduced =
    fee.fullAmountVnd !== undefined && fee.fullAmountVnd > fee.amountVnd
      ? ` (đã giảm từ ${formatVnd(fee.fullAmountVnd)} do nộp hồ sơ trực tuyến)`
      : '';
  return `- ${fee.labelVi}: ${formatVnd(fee.amountVnd)}${reduced}, theo ${fee.decisionVi}`;
}

/** The fees and charges the province sets for the procedure (its People's Council decision). */
function feesParagraph(fees: FeeLineV1[], total: number): string[] {
  if (fees.length === 0) return [];
  return [
    ['Phí, lệ phí của thủ tục:', ...fees.map(feeLineVi), `Tổng cộng: ${formatVnd(total)}.`].join(
      '\n',
    ),
  ];
}

/** The first text that fits in one SMS; the last is the shortest and is sent whatever its length. */
function firstFitting(texts: string[]): string {
  return texts.find((t) => t.length <= SMS_MAX) ?? texts[texts.length - 1];
}

/**
 * Receipt and appointment (form 01, Circular 01/2018/TT-VPCP): the procedure, the code, the
 * appointment date, the fees and how to track. Time spent determining and paying financial
 * obligations does not count against the land office's time limit (Decree 151/2025), hence
 * the note. The SMS names the procedure and the fees' total while they fit, the e-mail
 * every fee line.
 */
export function dossierReceived(
  payload: DossierReceivedV1,
  context: TemplateContext,
): RenderedMessage {
  const code = context.dossierCode;
  const receivedOn = formatDate(payload.receivedAt);
  const appointmentOn = formatDate(payload.appointmentAt);
  const { mapSheetNumber, parcelNumber } = payload.parcel;
  const procedure = procedureWording(payload.procedure);
  const fees = payload.fees ?? [];
  // A transfer reads as it always has: the SMS names the other procedures only.
  const named = (payload.procedure ?? 'TRANSFER') === 'TRANSFER' ? '' : ` (${procedure.nameVi})`;
  const total = fees.reduce((sum, fee) => sum + fee.amountVnd, 0);
  const feesSms = fees.length > 0 ? ` Phí, lệ phí: ${formatVnd(total)}.` : '';
  const sms = (name: string, fee: string) =>
    `Hồ sơ ${code}${name} đã được tiếp nhận ngày ${receivedOn}, hẹn trả kết quả ngày ${appointmentOn}.${fee} ${receiptTrackingSentence(context, payload.trackingSecret)}`;
  return {
    template: 'DOSSIER_RECEIVED',
    sms: firstFitting([sms(named, feesSms), sms(named, ''), sms('', '')]),
    email: {
      subject: `Tiếp nhận hồ sơ ${code}, hẹn trả kết quả ngày ${appointmentOn}`,
      body: emailBody(
        context,
        [
          `Văn phòng đăng ký đất đai đã tiếp nhận hồ sơ ${inSentence(procedure.nameVi)} của ông/bà.`,
          [
            `- Thủ tục: ${procedure.nameVi}`,
            `- Mã hồ sơ: ${code}`,
            `- Ngày tiếp nhận: ${receivedOn}`,
            `- Ngày hẹn trả kết quả: ${appointmentOn}`,
            `- Thửa đất số ${parcelNumber}, tờ bản đồ số ${mapSheetNumber}`,
            `- Kết quả: ${RESULT_DELIVERY_VI[payload.resultDelivery]}`,
          ].join('\n'),
          ...feesParagraph(fees, total),
          'Thời gian xác định và thực hiện nghĩa vụ tài chính (nếu có) không tính vào thời hạn giải quyết; khi có thông báo nộp thuế, phí, chúng tôi sẽ báo để ông/bà nộp.',
        ],
        receiptTrackingSentence(context, payload.trackingSecret),
      ),
    },
  };
}

import type { DossierReceivedV1 } from '@lien-thong/contracts';
import { emailBody, formatDate, trackingSentence } from './format';
import { RenderedMessage, TemplateContext } from './template';

const RESULT_DELIVERY_VI: Record<DossierReceivedV1['resultDelivery'], string> = {
  COUNTER: 'nhận trực tiếp tại bộ phận một cửa',
  POST: 'gửi qua dịch vụ bưu chính công ích',
};

/**
 * Receipt and appointment (form 01, Circular 01/2018/TT-VPCP): the code, the appointment
 * date and how to track. Time spent determining and paying financial obligations does not
 * count against the land office's time limit (Decree 151/2025), hence the note.
 */
export function dossierReceived(
  payload: DossierReceivedV1,
  context: TemplateContext,
): RenderedMessage {
  const code = context.dossierCode;
  const receivedOn = formatDate(payload.receivedAt);
  const appointmentOn = formatDate(payload.appointmentAt);
  const { mapSheetNumber, parcelNumber } = payload.parcel;
  return {
    template: 'DOSSIER_RECEIVED',
    sms: `Hồ sơ ${code} đã được tiếp nhận ngày ${receivedOn}, hẹn trả kết quả ngày ${appointmentOn}. ${trackingSentence(context)}`,
    email: {
      subject: `Tiếp nhận hồ sơ ${code}, hẹn trả kết quả ngày ${appointmentOn}`,
      body: emailBody(context, [
        'Văn phòng đăng ký đất đai đã tiếp nhận hồ sơ đăng ký biến động đất đai của ông/bà.',
        [
          `- Mã hồ sơ: ${code}`,
          `- Ngày tiếp nhận: ${receivedOn}`,
          `- Ngày hẹn trả kết quả: ${appointmentOn}`,
          `- Thửa đất số ${parcelNumber}, tờ bản đồ số ${mapSheetNumber}`,
          `- Kết quả: ${RESULT_DELIVERY_VI[payload.resultDelivery]}`,
        ].join('\n'),
        'Thời gian xác định và thực hiện nghĩa vụ tài chính (nếu có) không tính vào thời hạn giải quyết; khi có thông báo nộp thuế, phí, chúng tôi sẽ báo để ông/bà nộp.',
      ]),
    },
  };
}

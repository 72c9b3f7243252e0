import type { DossierWithdrawnV1 } from '@lien-thong/contracts';
import { emailBody, smsAround } from './format';
import { RenderedMessage, TemplateContext } from './template';

/** The dossier was withdrawn at the applicant's request: confirmed, with what happens to money. */
export function dossierWithdrawn(
  payload: DossierWithdrawnV1,
  context: TemplateContext,
): RenderedMessage {
  const code = context.dossierCode;
  const by =
    payload.withdrawnBy === 'CITIZEN'
      ? 'theo yêu cầu của ông/bà'
      : 'tại Bộ phận Một cửa theo đơn của người nộp hồ sơ';
  return {
    template: 'DOSSIER_WITHDRAWN',
    sms: smsAround(
      `Hồ sơ ${code} đã được rút ${by}. Lý do: `,
      payload.reasonVi,
      '. Thông báo thuế (nếu có) được hủy; tiền đã nộp được hoàn trả.',
    ),
    email: {
      subject: `Xác nhận rút hồ sơ ${code}`,
      body: emailBody(context, [
        `Hồ sơ ${code} đã được rút ${by} và sẽ không được giải quyết tiếp.`,
        `Lý do: ${payload.reasonVi.trim()}.`,
        'Các thông báo nộp tiền của cơ quan thuế cho hồ sơ này (nếu có) được hủy; khoản tiền đã nộp (nếu có) được hoàn trả và ông/bà sẽ nhận thông báo riêng.',
      ]),
    },
  };
}

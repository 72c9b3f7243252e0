import { DomainException } from '@lien-thong/platform';
import type { Dossier } from '../dossiers/dossier';
import { deadlineOf } from '../dossiers/timeliness';
import {
  CIRCULAR,
  common,
  date,
  FormContent,
  FormKind,
  FORMS,
  lastStep,
  notApplicable,
  OFFICE,
  signer,
  vnd,
} from './form-parts';
import { resultNotice } from './result-notice';

export { FORMS } from './form-parts';
export type { FormContent, FormKind } from './form-parts';

/**
 * What a form says for a dossier, or 409 FORM.NOT_APPLICABLE when its step has not happened
 * (no refusal, no apology). `party`: read by a citizen party, so no other person's name is
 * printed beyond the applicant's (the taxpayers of the notices are left out).
 */
export function formContent(kind: FormKind, d: Dossier, party: boolean): FormContent {
  const base = { kind, number: '', lines: common(d) };
  switch (kind) {
    case 'receipt': {
      const received = lastStep(d, 'RECEIVED');
      return {
        ...base,
        number: `${d._id}/01`,
        titleVi: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        modelVi: `Mẫu số 01 ${CIRCULAR}`,
        lines: [
          ...base.lines,
          ['Hình thức nộp', d.channel === 'ONLINE' ? 'Trực tuyến' : 'Tại Bộ phận Một cửa'],
          ['Ngày tiếp nhận', date(d.receivedAt)],
          ['Thời hạn giải quyết', `${d.workingDaysAllowed} ngày làm việc`],
          ['Ngày hẹn trả kết quả', date(d.appointmentAt)],
          ...(d.fees ?? []).map((f): [string, string] => [f.labelVi, vnd(f.amountVnd)]),
          [
            'Nhận kết quả',
            d.resultDelivery === 'POST' ? 'Qua dịch vụ bưu chính' : 'Tại Bộ phận Một cửa',
          ],
        ],
        signerVi:
          d.channel === 'ONLINE'
            ? `Cổng dịch vụ công, tiếp nhận trực tuyến (${d.receivingUnit ?? d.unit})`
            : signer(received?.actor, d),
        fileNameVi: `Giấy tiếp nhận hồ sơ ${d._id}.pdf`,
      };
    }
    case 'supplement-request': {
      const asked = lastStep(d, 'SUPPLEMENT_REQUESTED', 'SLIP_RETURNED');
      if (!asked) notApplicable(kind, 'hồ sơ chưa có yêu cầu bổ sung');
      return {
        ...base,
        number: `${d._id}/02`,
        titleVi: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        modelVi: `Mẫu số 02 ${CIRCULAR}`,
        lines: [...base.lines, ['Ngày yêu cầu', date(asked.at)]],
        paragraphVi: `Nội dung yêu cầu bổ sung, hoàn thiện: ${asked.noteVi.replace(/^Yêu cầu bổ sung hồ sơ: /, '')}. Thời gian bổ sung không tính vào thời hạn giải quyết.`,
        signerVi: signer(asked.actor, d),
        fileNameVi: `Phiếu yêu cầu bổ sung hồ sơ ${d._id}.pdf`,
      };
    }
    case 'refusal': {
      if (!d.refusal) notApplicable(kind, 'hồ sơ không bị từ chối');
      const refused = lastStep(d, 'REFUSED');
      return {
        ...base,
        number: `${d._id}/03`,
        titleVi: 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ',
        modelVi: `Mẫu số 03 ${CIRCULAR}`,
        lines: [...base.lines, ['Ngày từ chối', date(refused?.at ?? d.finishedAt ?? new Date())]],
        paragraphVi: `Lý do từ chối: ${d.refusal.reasonVi}.`,
        signerVi: signer(refused?.actor, d),
        fileNameVi: `Phiếu từ chối hồ sơ ${d._id}.pdf`,
      };
    }
    case 'apology': {
      if (!d.delay) notApplicable(kind, 'hồ sơ không bị chậm so với ngày hẹn');
      const delayed = lastStep(d, 'DELAYED');
      // Signed by the office's head; the leader who approved it, once one has.
      const head = d.approval?.by.describedAs ?? `Lãnh đạo ${OFFICE} (${d.unit})`;
      return {
        ...base,
        number: `${d._id}/04`,
        titleVi: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
        modelVi: `Mẫu số 04 ${CIRCULAR}`,
        lines: [
          ...base.lines,
          ['Ngày hẹn trả kết quả', date(d.delay.previousAppointmentAt)],
          ['Ngày hẹn lại', date(deadlineOf(d) ?? d.delay.newAppointmentAt)],
        ],
        paragraphVi: `${OFFICE} xin lỗi ông (bà) vì hồ sơ chưa được giải quyết đúng ngày hẹn. ${
          delayed?.noteVi ?? ''
        }`.trim(),
        signerVi: head,
        fileNameVi: `Phiếu xin lỗi và hẹn lại ngày trả kết quả ${d._id}.pdf`,
      };
    }
    case 'tax-notice': {
      if (!d.assessment) notApplicable(kind, 'cơ quan thuế chưa ra thông báo nộp tiền');
      const assessed = lastStep(d, 'OBLIGATIONS_ASSESSED');
      return {
        ...base,
        number: `${d._id}/TB`,
        titleVi: 'THÔNG BÁO NỘP TIỀN',
        modelVi: 'Nghĩa vụ tài chính do cơ quan thuế xác định (Luật Quản lý thuế số 38/2019/QH14)',
        lines: [
          ...base.lines,
          ...d.assessment.notices.map((n): [string, string] => [
            `${n.labelVi} (thông báo số ${n.noticeNumber}${party ? '' : `, ${n.taxpayerName}`})`,
            `${vnd(n.amountVnd)}, hạn nộp ${date(n.dueDate)}`,
          ]),
          ['Tổng cộng', vnd(d.assessment.totalVnd)],
        ],
        signerVi: signer(assessed?.actor, d),
        fileNameVi: `Thông báo nộp tiền ${d._id}.pdf`,
      };
    }
    case 'result':
      return resultNotice(d);
  }
}

/** The forms that can be printed for the dossier now (its steps have happened). */
export function formsFor(d: Dossier): FormKind[] {
  return FORMS.filter((kind) => {
    try {
      formContent(kind, d, true);
      return true;
    } catch (err) {
      if (err instanceof DomainException && err.code === 'FORM.NOT_APPLICABLE') return false;
      throw err;
    }
  });
}

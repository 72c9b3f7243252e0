import type { Dossier } from '../dossiers/dossier';
import { deadlineOf } from '../dossiers/timeliness';
import { common, date, FormContent, lastStep, notApplicable, OFFICE } from './form-parts';

/**
 * The result notice: what the land office registered, on which parcel, when, and the leader
 * who approved it (Land Law 2024 art. 133; Decree 101/2024/NĐ-CP art. 37 on registering
 * changes). Printable once the dossier is registered (the result is ready or handed over).
 */
export function resultNotice(d: Dossier): FormContent {
  const registered = lastStep(d, 'REGISTERED');
  if (!d.registeredAt || !d.approval || !registered)
    notApplicable('result', 'hồ sơ chưa được đăng ký, chưa có kết quả');
  // The timeline says what was registered, then where the result is collected.
  const [whatVi, collectVi] = registered.noteVi.split('; nhận kết quả: ');
  const returned = lastStep(d, 'RESULT_RETURNED');
  return {
    kind: 'result',
    number: `${d._id}/KQ`,
    titleVi: 'THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
    modelVi: `Kết quả đăng ký đất đai, tài sản gắn liền với đất của ${OFFICE}`,
    lines: [
      ...common(d),
      ['Nội dung đã đăng ký', whatVi],
      ['Ngày đăng ký', date(d.registeredAt)],
      ['Ngày hẹn trả kết quả', date(deadlineOf(d) ?? d.appointmentAt)],
      ...(collectVi ? [['Nơi nhận kết quả', collectVi] as [string, string]] : []),
      ...(returned
        ? [['Ngày trả kết quả', date(returned.at)] as [string, string]]
        : [['Tình trạng', 'Kết quả đã sẵn sàng để trả cho người nộp hồ sơ'] as [string, string]]),
    ],
    signerVi: d.approval.by.describedAs,
    fileNameVi: `Thông báo kết quả giải quyết hồ sơ ${d._id}.pdf`,
  };
}

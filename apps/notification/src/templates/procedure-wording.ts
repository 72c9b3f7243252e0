import type { ProcedureKey } from '@lien-thong/contracts';

/** How a citizen's messages name a procedure and say what its registration did. */
interface ProcedureWording {
  /** The procedure's name, as the e-mail's receipt line reads it. */
  nameVi: string;
  /** What was done, one short clause for the SMS (absent for a transfer: "giải quyết xong" says it). */
  doneSmsVi?: string;
  /** What was done, one sentence for the e-mail, after "Hồ sơ … của ông/bà". */
  doneEmailVi: (doneOn: string) => string;
}

const WORDING: Record<ProcedureKey, ProcedureWording> = {
  TRANSFER: {
    nameVi: 'Đăng ký biến động đất đai',
    doneEmailVi: (on) => `đã được đăng ký biến động xong ngày ${on}.`,
  },
  INHERITANCE: {
    nameVi: 'Đăng ký biến động do nhận thừa kế',
    doneSmsVi: 'đã đăng ký quyền sử dụng đất cho người nhận thừa kế',
    doneEmailVi: (on) =>
      `đã được đăng ký biến động xong ngày ${on}: quyền sử dụng đất nhận thừa kế đã được đăng ký cho người nhận thừa kế.`,
  },
  MORTGAGE: {
    nameVi: 'Đăng ký thế chấp quyền sử dụng đất',
    doneSmsVi: 'đã đăng ký thế chấp',
    doneEmailVi: (on) =>
      `đã được giải quyết xong ngày ${on}: việc thế chấp quyền sử dụng đất đã được đăng ký, thông tin thửa đất nay thể hiện thửa đất đang được thế chấp.`,
  },
  MORTGAGE_RELEASE: {
    nameVi: 'Xóa đăng ký thế chấp',
    doneSmsVi: 'đã xóa đăng ký thế chấp',
    doneEmailVi: (on) =>
      `đã được giải quyết xong ngày ${on}: đăng ký thế chấp đã được xóa, thông tin thửa đất không còn thể hiện việc thế chấp này.`,
  },
  PURPOSE_CHANGE: {
    nameVi: 'Chuyển mục đích sử dụng đất',
    doneSmsVi: 'đã ghi nhận mục đích sử dụng đất mới',
    doneEmailVi: (on) =>
      `đã được giải quyết xong ngày ${on}: mục đích sử dụng đất mới đã được ghi nhận vào hồ sơ địa chính và giấy chứng nhận.`,
  },
  HOUSE_REGISTRATION: {
    nameVi: 'Đăng ký quyền sở hữu nhà ở gắn liền với đất',
    doneSmsVi: 'nhà ở đã được ghi nhận vào giấy chứng nhận',
    doneEmailVi: (on) =>
      `đã được giải quyết xong ngày ${on}: quyền sở hữu nhà ở gắn liền với đất đã được ghi nhận vào giấy chứng nhận.`,
  },
};

/** An event without a procedure comes from before there were others: a transfer. */
export function procedureWording(procedure: ProcedureKey | undefined): ProcedureWording {
  return WORDING[procedure ?? 'TRANSFER'];
}

/** The name inside a sentence: "hồ sơ đăng ký thế chấp quyền sử dụng đất". */
export function inSentence(nameVi: string): string {
  return nameVi.charAt(0).toLocaleLowerCase('vi') + nameVi.slice(1);
}

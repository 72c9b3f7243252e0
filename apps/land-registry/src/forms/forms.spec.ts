import { PDFParse } from 'pdf-parse';
import { DomainException } from '@lien-thong/platform';
import { dossier } from '../testing/dossier.fixture';
import { formContent, formsFor } from './form-content';
import { renderForm } from './form-pdf';

const COUNTER = 'Lê Thu Hà (Cán bộ Bộ phận Một cửa, 01/CN-BADINH)';
const received = dossier({
  timeline: [
    { at: new Date('2026-11-23T02:00:00Z'), step: 'RECEIVED', actor: COUNTER, noteVi: '' },
  ],
  fees: [
    {
      code: 'DOSSIER_APPRAISAL_FEE',
      labelVi: 'Phí thẩm định hồ sơ cấp giấy chứng nhận',
      amountVnd: 500_000,
      decisionVi: 'Nghị quyết của HĐND Thành phố Hà Nội',
    },
  ],
});

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    // Joined into one line: a long line of the form wraps where the page ends.
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe('the printable forms', () => {
  it('prints the receipt as a PDF with its number, appointment, fees and the counter officer, in Vietnamese with the font embedded', async () => {
    const pdf = await renderForm(formContent('receipt', received, false), received.unit);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    // The TrueType glyphs travel in the file (a subset of DejaVu Sans), not a reference to a system font.
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    const text = await textOf(pdf);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Số: VPDKHN-261123-0001/01',
      'Mẫu số 01',
      'Ngày hẹn trả kết quả: 30/11/2026',
      'Phí thẩm định hồ sơ cấp giấy chứng nhận: 500.000 đồng',
      'Người nộp hồ sơ: Phạm Minh Khang',
      COUNTER,
    ])
      expect(text).toContain(expected);
    // No one's citizen ID on a printed form.
    expect(text).not.toMatch(/\d{12}/);
  });

  it('prints a refusal with its reason and the officer who refused, and no refusal before there is one', async () => {
    expect(() => formContent('refusal', received, false)).toThrow(
      expect.objectContaining({ code: 'FORM.NOT_APPLICABLE', httpStatus: 409 }) as DomainException,
    );
    const refused = dossier({
      status: 'REFUSED',
      refusal: {
        code: 'DOSSIER.REFUSED_BY_OFFICER',
        reasonVi: 'Hợp đồng thiếu chữ ký của bên bán',
      },
      timeline: [
        {
          at: new Date('2026-11-25T03:00:00Z'),
          step: 'REFUSED',
          actor: 'Trần Minh Quân (Chuyên viên đăng ký đất đai, 01/CN-BADINH)',
          noteVi: 'Từ chối hồ sơ: Hợp đồng thiếu chữ ký của bên bán',
        },
      ],
    });
    const text = await textOf(await renderForm(formContent('refusal', refused, true), 'x'));
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Số: VPDKHN-261123-0001/03');
    expect(text).toContain('Lý do từ chối: Hợp đồng thiếu chữ ký của bên bán.');
    expect(text).toContain('Trần Minh Quân (Chuyên viên đăng ký đất đai, 01/CN-BADINH)');
  });

  it('prints the apology with the old and new appointments, and the tax notice without taxpayers for a citizen', async () => {
    const late = dossier({
      delay: {
        previousAppointmentAt: new Date('2026-11-30T10:00:00Z'),
        newAppointmentAt: new Date('2026-12-07T10:00:00Z'),
      },
      assessment: {
        assessmentId: 'A1',
        totalVnd: 75_000_000,
        notices: [
          {
            noticeNumber: 'TB-0001',
            code: 'PIT',
            labelVi: 'Thuế thu nhập cá nhân',
            taxpayerName: 'Trần Thị Bình',
            baseVnd: 3_000_000_000,
            amountVnd: 60_000_000,
            dueDate: '2026-12-10',
          } as never,
        ],
      },
    });
    const apology = await textOf(await renderForm(formContent('apology', late, true), 'x'));
    expect(apology).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(apology).toContain('Ngày hẹn lại: 7/12/2026');
    expect(apology).toContain('Lãnh đạo Văn phòng đăng ký đất đai (01/CN-BADINH)');
    const notice = await textOf(await renderForm(formContent('tax-notice', late, true), 'x'));
    expect(notice).toContain('Thuế thu nhập cá nhân (thông báo số TB-0001)');
    expect(notice).toContain('60.000.000 đồng, hạn nộp 10/12/2026');
    expect(notice).not.toContain('Trần Thị Bình');
    const forOfficer = formContent('tax-notice', late, false);
    expect(forOfficer.lines.map(([label]) => label)).toContain(
      'Thuế thu nhập cá nhân (thông báo số TB-0001, Trần Thị Bình)',
    );
  });

  it('prints the result notice once registered, signed by the approving leader, and lists only the forms that apply', async () => {
    expect(formsFor(received)).toEqual(['receipt']);
    expect(() => formContent('result', received, true)).toThrow(
      expect.objectContaining({ code: 'FORM.NOT_APPLICABLE' }) as DomainException,
    );
    const at = new Date('2026-11-27T03:00:00Z');
    const registered = dossier({
      status: 'RESULT_READY',
      registeredAt: at,
      finishedAt: at,
      approval: {
        at,
        by: {
          username: 'lanhdao.hanoi',
          describedAs: 'Nguyễn Văn Hùng (Lãnh đạo Văn phòng đăng ký đất đai, 01)',
        },
      },
      timeline: [
        ...received.timeline,
        {
          at,
          step: 'REGISTERED',
          actor: 'land-registry',
          noteVi:
            'Đã đăng ký biến động vào sổ địa chính, cấp Giấy chứng nhận mới số CS99000001; nhận kết quả: Bộ phận Một cửa',
        },
      ],
    });
    expect(formsFor(registered)).toEqual(['receipt', 'result']);
    const text = await textOf(await renderForm(formContent('result', registered, true), 'x'));
    for (const expected of [
      'THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
      'Số: VPDKHN-261123-0001/KQ',
      'Nội dung đã đăng ký: Đã đăng ký biến động vào sổ địa chính, cấp Giấy chứng nhận mới số CS99000001',
      'Ngày đăng ký: 27/11/2026',
      'Nơi nhận kết quả: Bộ phận Một cửa',
      'Thửa số 102, tờ bản đồ số 12',
      'Nguyễn Văn Hùng (Lãnh đạo Văn phòng đăng ký đất đai, 01)',
    ])
      expect(text).toContain(expected);
  });
});

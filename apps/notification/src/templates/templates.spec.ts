import type {
  DossierDelayedV1,
  DossierReceivedV1,
  DossierRefusedV1,
  DossierRegisteredV1,
  DossierWithdrawnV1,
  FeeLineV1,
  ObligationsAssessedV1,
  ObligationsCancelledV1,
  ObligationsPaidV1,
  PaymentNoticeV1,
  PaymentRefundedV1,
  SupplementRequestedV1,
} from '@lien-thong/contracts';
import { SMS_MAX } from './format';
import { RenderedMessage, TemplateContext } from './template';
import { dossierReceived } from './dossier-received.template';
import { supplementRequested } from './supplement-requested.template';
import { taxNotice } from './tax-notice.template';
import { paymentReceived } from './payment-received.template';
import { resultReady } from './result-ready.template';
import { dossierRefused } from './dossier-refused.template';
import { dossierWithdrawn } from './dossier-withdrawn.template';
import { dossierDelayed } from './dossier-delayed.template';
import { obligationsCancelled } from './obligations-cancelled.template';
import { paymentRefunded } from './payment-refunded.template';

const CODE = '000.00.04.H26-260701-0003';
const context: TemplateContext = {
  dossierCode: CODE,
  fullName: 'Nguyễn Văn An',
  trackingUrl: 'http://127.0.0.1:8080/tra-cuu',
};

/** What every message must be: short SMS with the code, greeting by name, NFC Vietnamese. */
function expectWellFormed(message: RenderedMessage): void {
  expect(message.sms).toContain(CODE);
  expect(message.sms.length).toBeLessThanOrEqual(SMS_MAX);
  expect(message.email.subject).toContain(CODE);
  expect(message.email.body).toContain('Kính gửi ông/bà Nguyễn Văn An,');
  expect(message.email.body).toContain(`Tra cứu tại http://127.0.0.1:8080/tra-cuu?ma=${CODE}`);
  for (const text of [message.sms, message.email.subject, message.email.body]) {
    // Precomposed (NFC) Vietnamese, no replacement characters from a broken encoding.
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toMatch(/\uFFFD|Ã|Æ/);
  }
}

const notice = (overrides: Partial<PaymentNoticeV1> = {}): PaymentNoticeV1 => ({
  noticeNumber: 'TB-2026-000123',
  code: 'PIT',
  labelVi: 'Thuế thu nhập cá nhân',
  taxpayerName: 'Trần Thị Bình',
  baseVnd: 4_000_000_000,
  amountVnd: 80_000_000,
  dueDate: '2026-07-31',
  legalBasis: 'Luật Thuế TNCN',
  ...overrides,
});

describe('DOSSIER_RECEIVED', () => {
  const payload: DossierReceivedV1 = {
    dossierCode: CODE,
    procedureCode: '1.013831',
    channel: 'ONLINE',
    receivedAt: '2026-07-01T02:15:00.000Z',
    appointmentAt: '2026-07-08T10:00:00.000Z',
    applicant: { fullName: 'Nguyễn Văn An', contact: { phone: '0912345678' } },
    parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 345 },
    resultDelivery: 'COUNTER',
  };

  it('gives the code, the receipt and appointment dates and how to track', () => {
    const message = dossierReceived(payload, context);
    expect(message.template).toBe('DOSSIER_RECEIVED');
    expect(message.sms).toBe(
      `Hồ sơ ${CODE} đã được tiếp nhận ngày 01/07/2026, hẹn trả kết quả ngày 08/07/2026. Tra cứu tại http://127.0.0.1:8080/tra-cuu?ma=${CODE} bằng mã tra cứu in trên giấy tiếp nhận.`,
    );
    expect(message.email.subject).toContain('hẹn trả kết quả ngày 08/07/2026');
    expect(message.email.body).toContain('- Ngày hẹn trả kết quả: 08/07/2026');
    expect(message.email.body).toContain('Thửa đất số 345, tờ bản đồ số 12');
    expect(message.email.body).toContain('nhận trực tiếp tại bộ phận một cửa');
    expectWellFormed(message);
  });

  it('links the tracking page with the receipt secret filled in, when the land registry passed it', () => {
    const message = dossierReceived({ ...payload, trackingSecret: 'Ab3Cd4Ef5G' }, context);
    const link = `http://127.0.0.1:8080/tra-cuu?ma=${CODE}&bi-mat=Ab3Cd4Ef5G`;
    expect(message.sms).toBe(
      `Hồ sơ ${CODE} đã được tiếp nhận ngày 01/07/2026, hẹn trả kết quả ngày 08/07/2026. Tra cứu tại ${link} (giữ kín đường dẫn này).`,
    );
    expect(message.email.body).toContain(`Tra cứu tại ${link} (giữ kín đường dẫn này).`);
    expect(message.email.body).not.toContain('bằng mã tra cứu in trên giấy tiếp nhận');
    expectWellFormed(message);
  });

  it('says the result goes by post when the citizen chose it', () => {
    const message = dossierReceived({ ...payload, resultDelivery: 'POST' }, context);
    expect(message.email.body).toContain('bưu chính công ích');
  });

  it('reads as a transfer when the procedure is TRANSFER or absent', () => {
    const transfer = dossierReceived({ ...payload, procedure: 'TRANSFER' }, context);
    expect(transfer).toEqual(dossierReceived(payload, context));
    expect(transfer.email.body).toContain(
      'Văn phòng đăng ký đất đai đã tiếp nhận hồ sơ đăng ký biến động đất đai của ông/bà.',
    );
    expect(transfer.email.body).toContain('- Thủ tục: Đăng ký biến động đất đai');
    expect(transfer.email.body).not.toContain('Phí, lệ phí');
  });

  it.each([
    ['INHERITANCE', 'Đăng ký biến động do nhận thừa kế'],
    ['MORTGAGE', 'Đăng ký thế chấp quyền sử dụng đất'],
    ['MORTGAGE_RELEASE', 'Xóa đăng ký thế chấp'],
    ['PURPOSE_CHANGE', 'Chuyển mục đích sử dụng đất'],
    ['HOUSE_REGISTRATION', 'Đăng ký quyền sở hữu nhà ở gắn liền với đất'],
  ] as const)('names the procedure %s in the SMS and the e-mail', (procedure, nameVi) => {
    const message = dossierReceived({ ...payload, procedure }, context);
    expect(message.sms).toBe(
      `Hồ sơ ${CODE} (${nameVi}) đã được tiếp nhận ngày 01/07/2026, hẹn trả kết quả ngày 08/07/2026. Tra cứu tại http://127.0.0.1:8080/tra-cuu?ma=${CODE} bằng mã tra cứu in trên giấy tiếp nhận.`,
    );
    expect(message.email.body).toContain(
      `Văn phòng đăng ký đất đai đã tiếp nhận hồ sơ ${nameVi.charAt(0).toLowerCase()}${nameVi.slice(1)} của ông/bà.`,
    );
    expect(message.email.body).toContain(`- Thủ tục: ${nameVi}`);
    expectWellFormed(message);
  });

  const fees: FeeLineV1[] = [
    {
      code: 'APPRAISAL',
      labelVi: 'Phí thẩm định hồ sơ cấp Giấy chứng nhận',
      amountVnd: 375_000,
      fullAmountVnd: 750_000,
      decisionVi: 'Nghị quyết số 06/2020/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội',
    },
    {
      code: 'SECURED_TRANSACTION_REGISTRATION',
      labelVi: 'Phí đăng ký giao dịch bảo đảm',
      amountVnd: 80_000,
      decisionVi: 'Nghị quyết số 06/2020/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội',
    },
  ];

  it('lists each fee with its amount, the online reduction and the decision it cites; the SMS gives the total', () => {
    const message = dossierReceived({ ...payload, procedure: 'MORTGAGE', fees }, context);
    expect(message.sms).toBe(
      `Hồ sơ ${CODE} (Đăng ký thế chấp quyền sử dụng đất) đã được tiếp nhận ngày 01/07/2026, hẹn trả kết quả ngày 08/07/2026. Phí, lệ phí: 455.000 đồng. Tra cứu tại http://127.0.0.1:8080/tra-cuu?ma=${CODE} bằng mã tra cứu in trên giấy tiếp nhận.`,
    );
    expect(message.email.body).toContain(
      [
        'Phí, lệ phí của thủ tục:',
        '- Phí thẩm định hồ sơ cấp Giấy chứng nhận: 375.000 đồng (đã giảm từ 750.000 đồng do nộp hồ sơ trực tuyến), theo Nghị quyết số 06/2020/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội',
        '- Phí đăng ký giao dịch bảo đảm: 80.000 đồng, theo Nghị quyết số 06/2020/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội',
        'Tổng cộng: 455.000 đồng.',
      ].join('\n'),
    );
    expectWellFormed(message);
  });

  it('keeps the SMS within one message: the fees’ total, then the procedure’s name give way first', () => {
    const longer = {
      ...context,
      trackingUrl: `https://dichvucong.${'hanoi.'.repeat(5)}gov.vn/tra-cuu`,
    };
    const received = { ...payload, procedure: 'HOUSE_REGISTRATION' as const, fees };
    const withoutFees = dossierReceived(received, longer);
    expect(withoutFees.sms).toContain('(Đăng ký quyền sở hữu nhà ở gắn liền với đất)');
    expect(withoutFees.sms).not.toContain('Phí, lệ phí');
    expect(withoutFees.email.body).toContain('Tổng cộng: 455.000 đồng.');
    expect(withoutFees.sms.length).toBeLessThanOrEqual(SMS_MAX);
    const longest = {
      ...context,
      trackingUrl: `https://dichvucong.${'hanoi.'.repeat(10)}gov.vn/tra-cuu`,
    };
    const bare = dossierReceived(received, longest);
    expect(bare.sms.startsWith(`Hồ sơ ${CODE} đã được tiếp nhận`)).toBe(true);
    expect(bare.sms.length).toBeLessThanOrEqual(SMS_MAX);
  });
});

describe('SUPPLEMENT_REQUESTED', () => {
  const payload: SupplementRequestedV1 = {
    dossierCode: CODE,
    reasonVi: 'Thiếu bản sao hợp đồng chuyển nhượng có công chứng',
    officer: 'Lê Văn Cường',
  };

  it('says what to supplement and that the clock is paused', () => {
    const message = supplementRequested(payload, context);
    expect(message.sms).toContain(
      'cần bổ sung: Thiếu bản sao hợp đồng chuyển nhượng có công chứng.',
    );
    expect(message.sms).toContain('Thời hạn giải quyết tạm dừng');
    expect(message.email.body).toContain(payload.reasonVi);
    expectWellFormed(message);
  });

  it('keeps the SMS short however long the reason, and the e-mail whole', () => {
    const reasonVi = 'Thiếu giấy tờ chứng minh quan hệ hôn nhân và bản sao sổ hộ khẩu. '.repeat(10);
    const message = supplementRequested({ ...payload, reasonVi }, context);
    expect(message.sms).toContain('…');
    expect(message.email.body).toContain(reasonVi.trim());
    expectWellFormed(message);
  });
});

describe('TAX_NOTICE', () => {
  const payload: ObligationsAssessedV1 = {
    dossierCode: CODE,
    assessmentId: 'A-1',
    slipRevision: 1,
    notices: [
      notice(),
      notice({
        noticeNumber: 'TB-2026-000124',
        code: 'REGISTRATION_FEE',
        labelVi: 'Lệ phí trước bạ',
        taxpayerName: 'Nguyễn Văn An',
        amountVnd: 20_000_000,
        dueDate: '2026-08-03',
      }),
    ],
    totalVnd: 100_000_000,
    payUrl: 'http://127.0.0.1:3100/pay/ORD-1',
  };

  it('lists each amount with its deadline, the total and where to pay', () => {
    const message = taxNotice(payload, context);
    expect(message.template).toBe('TAX_NOTICE');
    expect(message.sms).toContain('Thuế thu nhập cá nhân 80.000.000 đồng, hạn 31/07/2026');
    expect(message.sms).toContain('Lệ phí trước bạ 20.000.000 đồng, hạn 03/08/2026');
    expect(message.sms).toContain('Tổng 100.000.000 đồng');
    expect(message.sms).toContain('Nộp trực tuyến tại http://127.0.0.1:3100/pay/ORD-1');
    expect(message.email.subject).toContain('100.000.000 đồng');
    expect(message.email.body).toContain(
      '- Thuế thu nhập cá nhân (thông báo số TB-2026-000123, người nộp Trần Thị Bình): 80.000.000 đồng, hạn nộp 31/07/2026',
    );
    expect(message.email.body).toContain('- Lệ phí trước bạ (thông báo số TB-2026-000124');
    expect(message.email.body).toContain('Tổng cộng: 100.000.000 đồng.');
    expect(message.email.body).toContain('tiền chậm nộp');
    expectWellFormed(message);
  });

  it('shows an exempted obligation as such, and other ways to pay without a pay page', () => {
    const exempt = notice({ amountVnd: 0, exemptionVi: 'Chuyển nhượng giữa vợ và chồng' });
    const message = taxNotice(
      {
        ...payload,
        notices: [exempt, payload.notices[1]],
        totalVnd: 20_000_000,
        payUrl: undefined,
      },
      context,
    );
    expect(message.sms).toContain('Thuế thu nhập cá nhân 0 đồng (miễn)');
    expect(message.sms).toContain('Nộp qua Cổng Dịch vụ công quốc gia');
    expect(message.email.body).toContain('được miễn: Chuyển nhượng giữa vợ và chồng');
    expectWellFormed(message);
  });

  it('summarises many co-owners’ notices in the SMS and keeps every line in the e-mail', () => {
    const notices = [1, 2, 3, 4, 5, 6].map((i) =>
      notice({
        noticeNumber: `TB-${i}`,
        taxpayerName: `Đồng sở hữu ${i}`,
        amountVnd: 10_000_000 * i,
        dueDate: `2026-07-${20 + i}`,
      }),
    );
    const message = taxNotice({ ...payload, notices, totalVnd: 210_000_000 }, context);
    expect(message.sms).toContain(
      '6 thông báo nộp nghĩa vụ tài chính, tổng 210.000.000 đồng, hạn sớm nhất 21/07/2026',
    );
    for (const amount of ['10.000.000', '20.000.000', '30.000.000', '60.000.000'])
      expect(message.email.body).toContain(`: ${amount} đồng, hạn nộp`);
    expectWellFormed(message);
  });
});

describe('PAYMENT_RECEIVED', () => {
  const payload: ObligationsPaidV1 = {
    dossierCode: CODE,
    assessmentId: 'A-1',
    amountVnd: 100_000_000,
    paidAt: '2026-07-10T03:00:00.000Z',
    transactionId: 'TXN-778899',
    late: false,
  };

  it('confirms the amount, the date and the transaction', () => {
    const message = paymentReceived(payload, context);
    expect(message.sms).toBe(
      `Đã nhận 100.000.000 đồng nộp nghĩa vụ tài chính cho hồ sơ ${CODE} ngày 10/07/2026 (mã giao dịch TXN-778899). Hồ sơ tiếp tục được giải quyết.`,
    );
    expectWellFormed(message);
  });

  it('says when the payment was late, and when nothing was owed', () => {
    expect(paymentReceived({ ...payload, late: true }, context).sms).toContain('nộp sau hạn');
    const nothing = paymentReceived({ ...payload, amountVnd: 0 }, context);
    expect(nothing.sms).toContain('không phải nộp nghĩa vụ tài chính');
    expectWellFormed(nothing);
  });
});

describe('RESULT_READY', () => {
  const payload: DossierRegisteredV1 = {
    dossierCode: CODE,
    registeredAt: '2026-07-15T08:00:00.000Z',
    resultDelivery: 'COUNTER',
    collectAtVi: 'Bộ phận một cửa, 12 Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh',
  };

  it('says the dossier is done and where to collect the result', () => {
    const message = resultReady(payload, context);
    expect(message.sms).toBe(
      `Hồ sơ ${CODE} đã giải quyết xong ngày 15/07/2026. Mời ông/bà nhận kết quả tại Bộ phận một cửa, 12 Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh.`,
    );
    expect(message.email.body).toContain('mang theo giấy tiếp nhận hồ sơ');
    expectWellFormed(message);
  });

  it.each([
    [
      'INHERITANCE',
      'đã đăng ký quyền sử dụng đất cho người nhận thừa kế',
      'đã được đăng ký biến động xong ngày 15/07/2026: quyền sử dụng đất nhận thừa kế đã được đăng ký cho người nhận thừa kế.',
    ],
    [
      'MORTGAGE',
      'đã đăng ký thế chấp',
      'đã được giải quyết xong ngày 15/07/2026: việc thế chấp quyền sử dụng đất đã được đăng ký, thông tin thửa đất nay thể hiện thửa đất đang được thế chấp.',
    ],
    [
      'MORTGAGE_RELEASE',
      'đã xóa đăng ký thế chấp',
      'đã được giải quyết xong ngày 15/07/2026: đăng ký thế chấp đã được xóa, thông tin thửa đất không còn thể hiện việc thế chấp này.',
    ],
    [
      'PURPOSE_CHANGE',
      'đã ghi nhận mục đích sử dụng đất mới',
      'đã được giải quyết xong ngày 15/07/2026: mục đích sử dụng đất mới đã được ghi nhận vào hồ sơ địa chính và giấy chứng nhận.',
    ],
    [
      'HOUSE_REGISTRATION',
      'nhà ở đã được ghi nhận vào giấy chứng nhận',
      'đã được giải quyết xong ngày 15/07/2026: quyền sở hữu nhà ở gắn liền với đất đã được ghi nhận vào giấy chứng nhận.',
    ],
  ] as const)('says what %s did, short in the SMS', (procedure, doneSms, doneEmail) => {
    const message = resultReady({ ...payload, procedure }, context);
    expect(message.sms).toBe(
      `Hồ sơ ${CODE} đã giải quyết xong ngày 15/07/2026: ${doneSms}. Mời ông/bà nhận kết quả tại Bộ phận một cửa, 12 Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh.`,
    );
    expect(message.email.body).toContain(`Hồ sơ ${CODE} của ông/bà ${doneEmail}`);
    expectWellFormed(message);
  });

  it('reads as a transfer when the procedure is TRANSFER or absent', () => {
    const transfer = resultReady({ ...payload, procedure: 'TRANSFER' }, context);
    expect(transfer).toEqual(resultReady(payload, context));
    expect(transfer.email.body).toContain(
      `Hồ sơ ${CODE} của ông/bà đã được đăng ký biến động xong ngày 15/07/2026.`,
    );
  });

  it('says the result goes by post to the given address', () => {
    const message = resultReady(
      { ...payload, resultDelivery: 'POST', collectAtVi: '5 Hàng Bài, Hà Nội' },
      context,
    );
    expect(message.sms).toContain('gửi qua bưu chính công ích đến 5 Hàng Bài, Hà Nội.');
    expectWellFormed(message);
  });
});

describe('DOSSIER_REFUSED', () => {
  it('gives the reason', () => {
    const payload: DossierRefusedV1 = {
      dossierCode: CODE,
      reasonCode: 'PARCEL.BLOCKED',
      reasonVi: 'Thửa đất đang bị ngăn chặn giao dịch theo quyết định của Tòa án',
    };
    const message = dossierRefused(payload, context);
    expect(message.sms).toContain(
      'không được giải quyết. Lý do: Thửa đất đang bị ngăn chặn giao dịch theo quyết định của Tòa án.',
    );
    expect(message.email.body).toContain('(mã PARCEL.BLOCKED)');
    expectWellFormed(message);
  });
});

describe('DOSSIER_WITHDRAWN', () => {
  it('confirms the withdrawal, gives the reason and says what becomes of the money', () => {
    const payload: DossierWithdrawnV1 = {
      dossierCode: CODE,
      withdrawnBy: 'COUNTER_OFFICER',
      reasonVi: 'Hai bên thỏa thuận hủy hợp đồng',
      withdrawnAt: '2026-07-03T03:00:00.000Z',
    };
    const message = dossierWithdrawn(payload, context);
    expect(message.sms).toContain('đã được rút tại Bộ phận Một cửa');
    expect(message.sms).toContain('Lý do: Hai bên thỏa thuận hủy hợp đồng.');
    expect(message.email.body).toContain('được hoàn trả');
    expectWellFormed(message);
  });
});

describe('DOSSIER_DELAYED', () => {
  it('apologises, says why and gives the new date', () => {
    const payload: DossierDelayedV1 = {
      dossierCode: CODE,
      previousAppointmentAt: '2026-07-08T10:00:00.000Z',
      newAppointmentAt: '2026-07-13T10:00:00.000Z',
      reasonVi: 'Cần xác minh thêm nguồn gốc sử dụng đất',
    };
    const message = dossierDelayed(payload, context);
    expect(message.sms).toBe(
      `Xin lỗi ông/bà: hồ sơ ${CODE} chưa thể trả kết quả ngày 08/07/2026. Lý do: Cần xác minh thêm nguồn gốc sử dụng đất. Hẹn trả kết quả mới: ngày 13/07/2026.`,
    );
    expect(message.email.subject).toContain('Thư xin lỗi');
    expect(message.email.body).toContain('Ngày hẹn trả kết quả mới: 13/07/2026');
    expectWellFormed(message);
  });
});

describe('OBLIGATIONS_CANCELLED', () => {
  const payload: ObligationsCancelledV1 = {
    dossierCode: CODE,
    assessmentId: `${CODE}:R1`,
    reason: 'REFUSED',
    voidedNoticeNumbers: ['TB-TNCN-2026-0000012', 'TB-LPTB-2026-0000013'],
    paymentOrderCancelled: true,
    cancelledAt: '2026-07-10T03:00:00.000Z',
  };

  it('tells a refused dossier’s citizen that the notices are void and nothing is owed', () => {
    const message = obligationsCancelled(payload, context);
    expect(message.template).toBe('OBLIGATIONS_CANCELLED');
    expect(message.sms).toBe(
      `Hồ sơ ${CODE}: thông báo nộp nghĩa vụ tài chính đã được hủy do hồ sơ không được giải quyết. Ông/bà không phải nộp các khoản này.`,
    );
    expect(message.email.body).toContain(
      'các thông báo nộp tiền số TB-TNCN-2026-0000012, TB-LPTB-2026-0000013',
    );
    expectWellFormed(message);
  });

  it('says a payment already made is refunded, and after a corrected slip to pay the new notice only', () => {
    const paid = obligationsCancelled(
      { ...payload, reason: 'WITHDRAWN', paymentOrderCancelled: false },
      context,
    );
    expect(paid.sms).toContain('hồ sơ đã được rút');
    expect(paid.sms).toContain('được hoàn trả');
    expectWellFormed(paid);
    const superseded = obligationsCancelled({ ...payload, reason: 'SUPERSEDED' }, context);
    expect(superseded.sms).toContain('chỉ nộp theo thông báo mới');
    expect(superseded.sms).not.toContain('không phải nộp');
    expectWellFormed(superseded);
  });
});

describe('PAYMENT_REFUNDED', () => {
  const payload: PaymentRefundedV1 = {
    dossierCode: CODE,
    assessmentId: `${CODE}:R1`,
    amountVnd: 100_000_000,
    refundId: 'SIM-RF-7d5c1c8e-54a4-4f39-9a0e-3c1f6a2b9d10',
    refundedAt: '2026-07-10T18:30:00.000Z',
    reason: 'REFUSED',
  };

  it('gives the amount, the Vietnamese date, the refund reference and why', () => {
    const message = paymentRefunded(payload, context);
    expect(message.template).toBe('PAYMENT_REFUNDED');
    expect(message.sms).toBe(
      `Hồ sơ ${CODE}: đã hoàn trả 100.000.000 đồng tiền nộp nghĩa vụ tài chính ngày 11/07/2026 (mã hoàn tiền ${payload.refundId}) do hồ sơ không được giải quyết.`,
    );
    expect(message.email.subject).toContain('Hoàn trả 100.000.000 đồng');
    expect(message.email.body).toContain('hoàn trả toàn bộ qua cổng thanh toán');
    expectWellFormed(message);
  });
});

import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  AutoPaySetting,
  CreatePaymentOrderRequest,
  EmailMessageRequest,
  FaultSettingsRequest,
  joinUrl,
  normalizeVnPhone,
  ParcelCheckRequest,
  PaymentCallback,
  SmsMessageRequest,
  TaxFilingRequest,
} from './index';

/** The fields class-validator refuses, as dotted paths. */
function invalidFields<T extends object>(cls: new () => T, plain: unknown): string[] {
  const walk = (errors: ReturnType<typeof validateSync>, prefix: string): string[] =>
    errors.flatMap((e) => {
      const field = prefix ? `${prefix}.${e.property}` : e.property;
      return [...(e.constraints ? [field] : []), ...walk(e.children ?? [], field)];
    });
  return walk(validateSync(plainToInstance(cls, plain), { forbidUnknownValues: true }), '').sort();
}

describe('agency contracts', () => {
  it('accept a well-formed parcel check and name each malformed field', () => {
    const parcel = { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 101 };
    expect(invalidFields(ParcelCheckRequest, { parcel, certificateSerial: 'AB123456' })).toEqual(
      [],
    );
    expect(invalidFields(ParcelCheckRequest, { parcel, certificateSerial: 'AB12345678' })).toEqual(
      [],
    );
    expect(
      invalidFields(ParcelCheckRequest, {
        parcel: { ...parcel, mapSheetNumber: 1.5 },
        certificateSerial: 'ab123456',
      }),
    ).toEqual(['certificateSerial', 'parcel.mapSheetNumber']);
  });

  it('keep money whole and dates real', () => {
    const filing = {
      filingId: 'f-1',
      dossierCode: 'X-260701-0001',
      taxpayer: { name: 'Nguyễn Văn An', taxCode: '001085012345' },
      obligations: [{ code: 'PIT', amountVnd: 80_000_000, dueDate: '2026-07-31' }],
    };
    expect(invalidFields(TaxFilingRequest, filing)).toEqual([]);
    expect(
      invalidFields(TaxFilingRequest, {
        ...filing,
        obligations: [{ code: 'PIT', amountVnd: 1.5, dueDate: '2026-02-29' }],
      }),
    ).toEqual(['obligations.0.amountVnd', 'obligations.0.dueDate']);
    expect(
      invalidFields(TaxFilingRequest, {
        ...filing,
        obligations: [{ ...filing.obligations[0], amountVnd: -1 }],
      }),
    ).toEqual(['obligations.0.amountVnd']);
  });

  it('leave an empty taxpayer or obligation list to the agency (422), but not a wrong tax code', () => {
    const filing = {
      filingId: 'f-2',
      dossierCode: 'X',
      taxpayer: { name: '', taxCode: '' },
      obligations: [],
    };
    expect(invalidFields(TaxFilingRequest, filing)).toEqual([]);
    expect(
      invalidFields(TaxFilingRequest, { ...filing, taxpayer: { name: '', taxCode: '123' } }),
    ).toEqual(['taxpayer.taxCode']);
    expect(
      invalidFields(TaxFilingRequest, {
        ...filing,
        taxpayer: { name: '', taxCode: '0101234567-001' },
      }),
    ).toEqual([]);
  });

  it('take idempotency ids that are safe in a URL path', () => {
    const order = {
      orderId: 'evt:4f1c.2_a-b',
      dossierCode: 'X',
      noticeNumbers: ['TB-TNCN-2026-0000001'],
      amountVnd: 1,
      callbackUrl: 'http://127.0.0.1:3002/payments/callback',
    };
    expect(invalidFields(CreatePaymentOrderRequest, order)).toEqual([]);
    expect(invalidFields(CreatePaymentOrderRequest, { ...order, orderId: 'a/b' })).toEqual([
      'orderId',
    ]);
    expect(
      invalidFields(CreatePaymentOrderRequest, { ...order, orderId: 'x'.repeat(129) }),
    ).toEqual(['orderId']);
  });

  it('describe a payment callback that a receiver can validate', () => {
    expect(
      invalidFields(PaymentCallback, {
        orderId: 'o-1',
        status: 'PAID',
        amountVnd: 100,
        paidAt: new Date().toISOString(),
        transactionId: 'SIM-1',
      }),
    ).toEqual([]);
    expect(
      invalidFields(PaymentCallback, {
        orderId: 'o-1',
        status: 'PAID',
        amountVnd: 100,
        paidAt: '2026-07-01',
        transactionId: 'x',
      }),
    ).toEqual(['paidAt']);
  });

  it('accept Vietnamese mobile numbers in both spellings, and e-mail addresses', () => {
    const sms = { messageId: 'm', to: '0912345678', text: 'Xin chào' };
    expect(invalidFields(SmsMessageRequest, sms)).toEqual([]);
    expect(invalidFields(SmsMessageRequest, { ...sms, to: '+84912345678' })).toEqual([]);
    expect(invalidFields(SmsMessageRequest, { ...sms, to: '0212345678' })).toEqual(['to']);
    expect(
      invalidFields(EmailMessageRequest, { messageId: 'm', to: 'a@b.vn', subject: 's', body: 'b' }),
    ).toEqual([]);
    expect(normalizeVnPhone('+84912345678')).toBe('0912345678');
    expect(normalizeVnPhone('0912345678')).toBe('0912345678');
  });

  it('bound the fault controls', () => {
    expect(invalidFields(FaultSettingsRequest, {})).toEqual([]);
    expect(invalidFields(FaultSettingsRequest, { errorRate: 1.01, latencyMs: -1 })).toEqual([
      'errorRate',
      'latencyMs',
    ]);
    expect(invalidFields(AutoPaySetting, { delayMs: null })).toEqual([]);
    expect(invalidFields(AutoPaySetting, {})).toEqual(['delayMs']);
  });

  it('join a base URL and a path with exactly one slash', () => {
    expect(joinUrl('http://sim:3100/etax/v1/', '/filings')).toBe('http://sim:3100/etax/v1/filings');
    expect(joinUrl('http://sim:3100/etax/v1', 'filings')).toBe('http://sim:3100/etax/v1/filings');
  });
});

import { maskForLog, maskLogText, REDACTED } from './log-masking';

describe('what a log line may carry', () => {
  it('masks citizen IDs, phones and e-mails in text, and addresses written as fields', () => {
    const text = maskLogText(
      'hồ sơ của 001092011223 (0912345678, khang.pham@example.vn) {"address":"Số 5 phố Kim Mã, Hà Nội","x":1} address=Số 7 Đội Cấn; end',
    );
    expect(text).not.toMatch(/001092011223|0912345678|khang\.pham@|Kim Mã|Đội Cấn/);
    expect(text).toContain(`"address":"${REDACTED}"`);
    expect(text).toContain(`address=${REDACTED}; end`);
  });

  it('redacts addresses and secrets by key at any depth, masks every other string, keeps UUIDs', () => {
    const correlationId = '3f2b6c1e-8d4a-4b5e-9c7d-123456789012';
    const masked = maskForLog({
      correlationId,
      sellers: [{ citizenId: '001060100000', address: 'Số 11 phố Đội Cấn', fullName: 'An' }],
      applicant: { phone: '0912345678', email: 'an@example.vn' },
      trackingSecret: 'ABCDEFGHJK',
      amountVnd: 125_000_000_000,
    });
    expect(JSON.stringify(masked)).not.toMatch(
      /001060100000|Đội Cấn|0912345678|an@example|ABCDEFGHJK/,
    );
    expect(masked).toMatchObject({ correlationId, amountVnd: 125_000_000_000 });
  });

  it('keeps an error’s type, message and stack, masked', () => {
    const masked = maskForLog(new Error('dup key: { _id: "001092011223" }')) as Record<
      string,
      string
    >;
    expect(masked['type']).toBe('Error');
    expect(masked['message']).toBe('dup key: { _id: "001*******23" }');
    expect(masked['stack']).not.toContain('001092011223');
  });
});

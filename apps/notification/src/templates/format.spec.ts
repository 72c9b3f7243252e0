import { clip, formatDate, formatVnd, smsAround, SMS_MAX, trackingSentence } from './format';

describe('message formatting', () => {
  it('writes money in whole đồng with dots between thousands', () => {
    expect(formatVnd(80_000_000)).toBe('80.000.000 đồng');
    expect(formatVnd(0)).toBe('0 đồng');
    expect(formatVnd(1_234_567_890_123)).toBe('1.234.567.890.123 đồng');
    expect(() => formatVnd(1.5)).toThrow(RangeError);
  });

  it('writes dates dd/MM/yyyy on the Vietnamese calendar, whatever the server time zone', () => {
    expect(formatDate('2026-07-08')).toBe('08/07/2026');
    expect(formatDate('2026-07-08T01:00:00.000Z')).toBe('08/07/2026');
    // 18:30 UTC on the 7th is 01:30 on the 8th in Hanoi.
    expect(formatDate('2026-07-07T18:30:00Z')).toBe('08/07/2026');
    expect(formatDate('2026-12-31T16:59:59Z')).toBe('31/12/2026');
    expect(formatDate('2026-12-31T17:00:00Z')).toBe('01/01/2027');
  });

  it('links the tracking page with the dossier code filled in, unlocked by the receipt’s secret', () => {
    const context = {
      dossierCode: 'H26-260701-0001',
      fullName: 'A',
      trackingUrl: 'http://x/tra-cuu',
    };
    expect(trackingSentence(context)).toBe(
      'Tra cứu tại http://x/tra-cuu?ma=H26-260701-0001 bằng mã tra cứu in trên giấy tiếp nhận.',
    );
  });

  it('clips free text on a word boundary and keeps an SMS within its limit', () => {
    expect(clip('  một\nhai   ba ', 50)).toBe('một hai ba');
    expect(clip('giấy chứng nhận bị tẩy xoá', 20)).toBe('giấy chứng nhận bị…');
    const sms = smsAround('Hồ sơ X cần bổ sung: ', 'bản sao hợp đồng '.repeat(40), '. Hết.');
    expect(sms.length).toBeLessThanOrEqual(SMS_MAX);
    expect(sms).toMatch(/^Hồ sơ X cần bổ sung: bản sao hợp đồng .*…\. Hết\.$/);
  });
});

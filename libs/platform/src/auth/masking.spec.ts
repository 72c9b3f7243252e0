import { maskPersonalData, maskPersonalText } from './masking';

describe('masking personal data in lists', () => {
  it('masks citizen IDs, phone numbers and e-mail addresses wherever they appear in text', () => {
    expect(maskPersonalText('CCCD 001060100000, ĐT 0912345678, thư an.nguyen@example.vn')).toBe(
      'CCCD 001*******00, ĐT 091****678, thư a***@example.vn',
    );
    expect(maskPersonalText('+84912345678')).toBe('+8491****678');
  });

  it('leaves dossier codes, amounts and dates readable', () => {
    const text = 'Hồ sơ VPDKHN-261205-0001: 235382000 đồng, hạn 2026-12-31';
    expect(maskPersonalText(text)).toBe(text);
  });

  it('masks inside nested values (a dead letter whose value carries a payload)', () => {
    const masked = maskPersonalData({
      value: '{"citizenId":"001070100001"}',
      attempts: 3,
      nested: [{ phone: '0987654321' }],
    });
    expect(masked).toEqual({
      value: '{"citizenId":"001*******01"}',
      attempts: 3,
      nested: [{ phone: '098****321' }],
    });
  });
});

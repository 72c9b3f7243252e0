import { maskEmail, maskPhone, maskRecipient } from './mask';
import { targetsFor } from './targets';
import type { RenderedMessage } from '../templates/template';

const message: RenderedMessage = {
  template: 'DOSSIER_RECEIVED',
  sms: 'Hồ sơ X đã được tiếp nhận',
  email: { subject: 'Tiếp nhận hồ sơ X', body: 'Kính gửi ông/bà A,' },
};

describe('who gets which message', () => {
  it('sends an SMS to a phone, an e-mail to an address and Zalo only when opted in', () => {
    const targets = targetsFor(
      { phone: '0912345678', email: 'an@example.vn', zalo: true },
      message,
    );
    expect(targets).toEqual([
      { channel: 'SMS', to: '0912345678', text: message.sms },
      {
        channel: 'EMAIL',
        to: 'an@example.vn',
        subject: 'Tiếp nhận hồ sơ X',
        body: 'Kính gửi ông/bà A,',
      },
      { channel: 'ZALO', to: '0912345678', text: message.sms },
    ]);
    expect(targetsFor({ phone: '0912345678', zalo: false }, message).map((t) => t.channel)).toEqual(
      ['SMS'],
    );
    expect(
      targetsFor({ email: 'an@example.vn', zalo: true }, message).map((t) => t.channel),
    ).toEqual(['EMAIL']);
    expect(targetsFor({ zalo: false }, message)).toEqual([]);
  });
});

describe('masking recipients', () => {
  it('keeps the first four and last three digits of a phone', () => {
    expect(maskPhone('0912345678')).toBe('0912***678');
    expect(maskRecipient('ZALO', '0987654321')).toBe('0987***321');
    expect(maskPhone('123')).toBe('***');
  });

  it('keeps the first letter and the domain of an address', () => {
    expect(maskEmail('nguyen.van.an@example.vn')).toBe('n***@example.vn');
    expect(maskRecipient('EMAIL', 'b@x.vn')).toBe('b***@x.vn');
    expect(maskEmail('@x.vn')).toBe('***');
  });
});

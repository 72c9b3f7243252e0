import { dueMessages, firstRecord, type NewDelivery } from './attempt';
import { maskEmail, maskPhone, maskRecipient } from './mask';
import { targetsFor } from './targets';
import type { RenderedMessage } from '../templates/template';
import type { Delivery } from './schemas/delivery.schema';

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

describe('which of an event’s messages are sent', () => {
  const sms: NewDelivery = {
    _id: 'evt-1:SMS',
    dossierCode: 'X',
    aboutEventId: 'evt-1',
    template: 'DOSSIER_RECEIVED',
    channel: 'SMS',
    to: '0912345678',
    text: 'Hẹn trả kết quả ngày 08/07/2026',
  };
  const email: NewDelivery = { ...sms, _id: 'evt-1:EMAIL', channel: 'EMAIL', to: 'an@x.vn' };
  const stored = (d: NewDelivery, status: Delivery['status'], text = d.text): Delivery => ({
    ...d,
    text,
    status,
    attempts: 1,
  });

  it('sends every channel when nothing is stored yet', () => {
    expect(dueMessages([sms, email], [])).toEqual([
      { delivery: sms, stored: false },
      { delivery: email, stored: false },
    ]);
  });

  it('never sends a SENT or FAILED message again', () => {
    expect(dueMessages([sms, email], [stored(sms, 'SENT'), stored(email, 'FAILED')])).toEqual([]);
  });

  it('retries a PENDING message with the content stored on its first attempt', () => {
    const rerendered = { ...sms, text: 'Hẹn trả kết quả ngày 09/07/2026' };
    const due = dueMessages([rerendered, email], [stored(sms, 'PENDING'), stored(email, 'SENT')]);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ stored: true, delivery: { _id: sms._id, text: sms.text } });
  });
});

describe('what a first attempt stores', () => {
  const delivery: NewDelivery = {
    _id: 'evt-1:SMS',
    dossierCode: 'X',
    aboutEventId: 'evt-1',
    template: 'DOSSIER_RECEIVED',
    channel: 'SMS',
    to: '0243825123',
    text: 'a',
  };
  const event = { eventId: 'e', topic: 't', key: 'X', value: '{}', headers: {} };

  it('counts the one gateway call, and keeps a status event only with a refusal', () => {
    const at = new Date('2026-07-01T02:15:00Z');
    expect(firstRecord({ delivery, status: 'SENT', at })).toEqual({
      ...delivery,
      status: 'SENT',
      attempts: 1,
      sentAt: at,
    });
    expect(firstRecord({ delivery, status: 'FAILED', error: 'no', event })).toEqual({
      ...delivery,
      status: 'FAILED',
      attempts: 1,
      error: 'no',
      outbox: [event],
      outboxRev: 1,
      outboxPending: true,
    });
    expect(firstRecord({ delivery, status: 'PENDING', error: 'down', cause: null })).toEqual({
      ...delivery,
      status: 'PENDING',
      attempts: 1,
      error: 'down',
    });
  });
});

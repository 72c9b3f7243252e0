import {
  AgencyErrorBody,
  DeliveredMessageList,
  EMAIL_GATEWAY_API,
  MessageAcceptedResponse,
  SIMULATOR_ADMIN_API,
  SMS_GATEWAY_API,
  ZALO_GATEWAY_API,
} from '@lien-thong/agency-contracts';
import { RunningService, SAMPLE_USERS, authAs, startService } from '@lien-thong/testing';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { AGENCY_SIMULATORS_SERVICE } from '../service';
import { jsonClient } from '../test-support/json-client';

const SMS = `${SMS_GATEWAY_API.simulatorMount}${SMS_GATEWAY_API.messages}`;
const ZALO = `${ZALO_GATEWAY_API.simulatorMount}${ZALO_GATEWAY_API.messages}`;
const EMAIL = `${EMAIL_GATEWAY_API.simulatorMount}${EMAIL_GATEWAY_API.messages}`;
const DOSSIER = '000.00.04.H26-260701-0003';

describe('SMS, e-mail and Zalo gateway simulators', () => {
  let simulators: RunningService<AgencySimulatorsConfig>;
  let api: ReturnType<typeof jsonClient>;
  const listed = async (query: string) =>
    (await api.get<DeliveredMessageList>(`${SIMULATOR_ADMIN_API.messages}?${query}`)).body;

  beforeAll(async () => {
    simulators = await startService(AGENCY_SIMULATORS_SERVICE);
    api = jsonClient(simulators.baseUrl, await authAs(SAMPLE_USERS.operator));
  });
  afterAll(() => simulators?.close());

  it('accepts a message on each channel and lists what each citizen was sent', async () => {
    const sms = await api.post<MessageAcceptedResponse>(SMS, {
      messageId: 'evt-1:sms',
      to: '0912345678',
      text: `Hồ sơ ${DOSSIER} đã được tiếp nhận, hẹn trả kết quả ngày 08/07/2026.`,
    });
    expect(sms).toMatchObject({
      status: 202,
      body: { messageId: 'evt-1:sms', status: 'ACCEPTED', acceptedAt: expect.any(String) },
    });
    const zalo = await api.post(ZALO, {
      messageId: 'evt-1:zalo',
      to: '+84912345678',
      text: 'Hồ sơ của ông/bà đã được tiếp nhận.',
      dossierCode: DOSSIER,
    });
    expect(zalo.status).toBe(202);
    const email = await api.post(EMAIL, {
      messageId: 'evt-1:email',
      to: 'nguyen.van.an@example.vn',
      subject: `Tiếp nhận hồ sơ ${DOSSIER}`,
      body: 'Kính gửi ông Nguyễn Văn An, ...',
    });
    expect(email.status).toBe(202);
    await api.post(SMS, { messageId: 'evt-9:sms', to: '0987654321', text: 'Hồ sơ khác' });

    const forDossier = await listed(`dossierCode=${encodeURIComponent(DOSSIER)}`);
    expect(forDossier.messages.map((m) => m.messageId)).toEqual([
      'evt-1:sms',
      'evt-1:zalo',
      'evt-1:email',
    ]);
    // +84 and 0 are the same phone: the Zalo message is listed under 0912345678.
    const toPhone = await listed('to=%2B84912345678');
    expect(toPhone.messages.map((m) => m.channel)).toEqual(['sms', 'zalo']);
    expect(toPhone.messages[1]).toEqual({
      channel: 'zalo',
      messageId: 'evt-1:zalo',
      to: '0912345678',
      text: 'Hồ sơ của ông/bà đã được tiếp nhận.',
      dossierCode: DOSSIER,
      acceptedAt: expect.any(String),
    });
    expect((await listed('channel=sms')).count).toBe(2);
    expect((await listed('channel=email&to=nguyen.van.an%40example.vn')).count).toBe(1);
  });

  it('delivers a re-sent messageId once and answers it as the first time', async () => {
    const message = { messageId: 'evt-2:sms', to: '0901234567', text: 'Đã nhận tiền nộp thuế.' };
    const first = await api.post<MessageAcceptedResponse>(SMS, message);
    const resent = await Promise.all([api.post(SMS, message), api.post(SMS, message)]);
    expect(resent.map((r) => r.body)).toEqual([first.body, first.body]);
    expect((await listed('to=0901234567')).count).toBe(1);
    // The same id on another channel is another message.
    await api.post(ZALO, message);
    expect((await listed('to=0901234567')).count).toBe(2);
  });

  it('refuses a messageId reused for a different text with 409', async () => {
    await api.post(SMS, { messageId: 'evt-3:sms', to: '0901234567', text: 'Nội dung A' });
    const answer = await api.post<AgencyErrorBody>(SMS, {
      messageId: 'evt-3:sms',
      to: '0901234567',
      text: 'Nội dung B',
    });
    expect(answer).toMatchObject({ status: 409, body: { code: 'MESSAGING.MESSAGE_ID_REUSED' } });
  });

  it('refuses a malformed phone number, e-mail address or channel with 400', async () => {
    const sms = await api.post<AgencyErrorBody>(SMS, { messageId: 'x', to: '12345', text: 'a' });
    expect(sms.body.errors?.[0]).toMatchObject({
      field: 'to',
      message: expect.stringContaining('Số điện thoại'),
    });
    const email = await api.post<AgencyErrorBody>(EMAIL, {
      messageId: 'y',
      to: 'an@',
      subject: 's',
      body: 'b',
    });
    expect(email.status).toBe(400);
    expect((await api.get(`${SIMULATOR_ADMIN_API.messages}?channel=fax`)).status).toBe(400);
  });
});

import { createEnvelope } from './create-envelope';
import { Topics } from './catalog';
import { validateEvent } from './validate-event';

const refused = () =>
  createEnvelope(
    Topics.DossierRefused,
    'VPDK-HN-261121-0001',
    {
      dossierCode: 'VPDK-HN-261121-0001',
      reasonCode: 'PARCEL.BLOCKED',
      reasonVi: 'Thửa đất đang bị ngăn chặn',
    },
    'land-registry',
    { correlationId: 'req-1' },
  );

describe('validateEvent', () => {
  it('accepts an event that matches its topic contract and returns the typed payload', () => {
    const result = validateEvent(Topics.DossierRefused, JSON.stringify(refused()));
    expect(result).toMatchObject({
      ok: true,
      envelope: { type: 'DossierRefused', version: 1, dossierKey: 'VPDK-HN-261121-0001' },
    });
  });

  it('names the offending field of an invalid payload', () => {
    const event = refused();
    const broken = { ...event, payload: { ...event.payload, reasonCode: 'blocked' } };
    const result = validateEvent(Topics.DossierRefused, JSON.stringify(broken));
    expect(result).toMatchObject({ ok: false, code: 'EVENT.INVALID' });
    expect(!result.ok && result.reason).toContain('payload.reasonCode');
  });

  it('rejects fields the contract does not have (a poisoned producer cannot smuggle data)', () => {
    const event = refused();
    const extra = { ...event, payload: { ...event.payload, $where: 'sleep(1000)' } };
    expect(validateEvent(Topics.DossierRefused, JSON.stringify(extra))).toMatchObject({
      ok: false,
      code: 'EVENT.INVALID',
    });
  });

  it('rejects an event of another type on the topic, malformed JSON and unknown topics', () => {
    const wrongType = { ...refused(), type: 'DossierRegistered' };
    expect(validateEvent(Topics.DossierRefused, JSON.stringify(wrongType))).toMatchObject({
      ok: false,
      code: 'EVENT.INVALID',
    });
    expect(validateEvent(Topics.DossierRefused, '{"eventId":')).toMatchObject({
      ok: false,
      code: 'EVENT.MALFORMED',
    });
    expect(validateEvent('land.no-such-topic.v1', '{}')).toMatchObject({
      ok: false,
      code: 'EVENT.UNKNOWN_TOPIC',
    });
  });
});

import {
  authAs,
  SAMPLE_USERS,
  counterOf,
  DEMO_SCENARIOS,
  runScenario,
  ScenarioResult,
  Stack,
  startStack,
} from '@lien-thong/testing';

jest.setTimeout(300_000);

/**
 * A land-use-right transfer, end to end: the public HTTP API of the land registry, Kafka
 * between the four services, the agency simulators, down to the messages the citizen gets.
 * One scenario per case the demo shows; the outcomes are the ones the law requires.
 */
describe('transfer of land-use rights, end to end', () => {
  let stack: Stack;
  const results = new Map<string, ScenarioResult>();

  beforeAll(async () => {
    stack = await startStack({ common: { RETRY_DELAYS_MS: '500,2000,5000' } });
    const outcomes = await Promise.all(DEMO_SCENARIOS.map((s, i) => runScenario(stack, s, i)));
    for (const r of outcomes) results.set(r.scenario, r);
  });
  afterAll(() => stack?.stop());

  const scenarioOf = (r: ScenarioResult) => {
    const found = DEMO_SCENARIOS.find((s) => s.name === r.scenario);
    if (!found) throw new Error(`no scenario ${r.scenario}`);
    return found;
  };

  function result(name: string): ScenarioResult {
    const found = results.get(name);
    if (!found) throw new Error(`scenario ${name} did not run`);
    return found;
  }

  it('registers a sale above the table price, taxing the contract price (2 % income tax, 0.5 % fee)', () => {
    const r = result('sale above the table price');
    expect(r.status).toBe('RESULT_READY');
    // 100.0 m² at 40,000,000 VND/m² is worth 4,000,000,000 in the table; the contract says 5,000,000,000.
    expect(r.obligations.map((o) => [o.code, o.amountVnd])).toEqual([
      ['PIT', 100_000_000],
      ['REGISTRATION_FEE', 25_000_000],
    ]);
    expect(r.templates).toEqual(
      expect.arrayContaining([
        'DOSSIER_RECEIVED',
        'TAX_NOTICE',
        'PAYMENT_RECEIVED',
        'RESULT_READY',
      ]),
    );
    expect(r.workingDays.used).toBeLessThanOrEqual(r.workingDays.allowed);
  });

  it('taxes a sale below the table price on the table value', () => {
    const r = result('sale below the table price');
    expect(r.status).toBe('RESULT_READY');
    // 120.4 m² at 32,000,000 VND/m² = 3,852,800,000 > the declared 1,000,000,000.
    expect(r.obligations.find((o) => o.code === 'PIT')?.amountVnd).toBe(77_056_000);
    expect(r.obligations.find((o) => o.code === 'REGISTRATION_FEE')?.amountVnd).toBe(19_264_000);
  });

  it('exempts a parent-to-child sale from income tax but not from the registration fee', () => {
    const r = result('parent-to-child sale');
    expect(r.status).toBe('RESULT_READY');
    const pit = r.obligations.find((o) => o.code === 'PIT');
    expect(pit?.amountVnd).toBe(0);
    expect(pit?.exemptionVi).toBeTruthy();
    expect(r.obligations.find((o) => o.code === 'REGISTRATION_FEE')?.amountVnd).toBeGreaterThan(0);
  });

  it('refuses a mortgaged parcel without the mortgagee’s consent, before any tax is assessed, and tells the citizen why', () => {
    const r = result('parcel with an active mortgage');
    expect(r).toMatchObject({ status: 'REFUSED', refusalCode: 'PARCEL.MORTGAGED', totalVnd: 0 });
    expect(r.templates).toEqual(expect.arrayContaining(['DOSSIER_RECEIVED', 'DOSSIER_REFUSED']));
  });

  it('stops a dossier when a hold arrives while the citizen is paying', () => {
    const r = result('hold placed mid-process');
    expect(r).toMatchObject({ status: 'REFUSED', refusalCode: 'PARCEL.BLOCKED' });
    expect(r.templates).toContain('DOSSIER_REFUSED');
  });

  it('registers after a late payment, recording that it was late', () => {
    const r = result('citizen pays late');
    expect(r).toMatchObject({ status: 'RESULT_READY', late: true });
  });

  it('gives a remote commune fifteen working days', () => {
    const r = result('remote commune');
    expect(r.status).toBe('RESULT_READY');
    expect(r.workingDays.allowed).toBe(15);
  });

  it('sends each citizen exactly one SMS and one e-mail per event, as recorded by the gateways', async () => {
    for (const r of results.values()) {
      const res = await fetch(
        `${stack.url['agency-simulators']}/admin/messages?dossierCode=${encodeURIComponent(r.dossierCode)}`,
        { headers: await authAs(SAMPLE_USERS.operator) },
      );
      const body = (await res.json()) as
        | { messages: { channel: string; template?: string }[] }
        | { channel: string; template?: string }[];
      const messages = Array.isArray(body) ? body : body.messages;
      const sms = messages.filter((m) => m.channel === 'sms');
      const email = messages.filter((m) => m.channel === 'email');
      // The events the citizen was told about, as the dossier lists them now (a delivery
      // status may reach the land registry after the step that ended the scenario).
      let told = new Set<string>();
      for (let i = 0; i < 40 && told.size < sms.length; i++) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
        const view = (await (
          await fetch(`${stack.url['land-registry']}/dossiers/${r.dossierCode}`, {
            // The counter of the parcel's province (officers see their own province only).
            headers: await authAs(counterOf(scenarioOf(r).parcel[0])),
          })
        ).json()) as { notifications: { template: string }[] };
        told = new Set(view.notifications.map((n) => n.template));
      }
      expect([...told]).toEqual(expect.arrayContaining(r.templates));
      expect(sms.length).toBe(email.length);
      expect(sms.length).toBe(told.size);
    }
  });
});

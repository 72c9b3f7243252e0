import { ETAX_API, PAYMENT_GATEWAY_API } from '@lien-thong/agency-contracts';
import { vietnamCalendar, vietnamDateOf } from '@lien-thong/calendar';
import { Topics } from '@lien-thong/contracts';
import { Topology } from '@lien-thong/messaging';
import {
  RunningService,
  SAMPLE_USERS,
  ServiceProcess,
  eventually,
  spawnService,
  startService,
  uniqueName,
} from '@lien-thong/testing';
import { TaxObligationConfig } from './config/tax-obligation.config';
import { TAX_OBLIGATION_SERVICE } from './service';
import { EventRecorder } from './test-support/event-recorder';
import { aHouseSlip, anInheritanceSlip, aPurposeChangeSlip } from './test-support/slip.factory';
import { TaxHarness } from './test-support/tax-harness';

jest.setTimeout(40_000);

/** The procedures beyond a sale, through Kafka and the agency simulators (issue 15). */
describe('tax-obligation for inheritances, changes of purpose and house registrations', () => {
  let simulators: ServiceProcess;
  let service: RunningService<TaxObligationConfig>;
  let events: EventRecorder;
  let tax: TaxHarness;
  const dossier = () => uniqueName('HS');
  const assessed = (code: string) => events.of(Topics.ObligationsAssessed, code);
  const waitFor = <T>(what: string, find: () => T[]) =>
    eventually(() => (find().length > 0 ? find() : undefined), 20_000, what);
  const today = () => vietnamDateOf(new Date());
  const inDays = (days: number) => vietnamCalendar().addCalendarDaysRolled(today(), days);

  beforeAll(async () => {
    simulators = await spawnService('agency-simulators', {}, { quiet: true });
    service = await startService(TAX_OBLIGATION_SERVICE, {
      E_TAX_URL: `${simulators.baseUrl}${ETAX_API.simulatorMount}`,
      PAYMENT_GATEWAY_URL: `${simulators.baseUrl}${PAYMENT_GATEWAY_API.simulatorMount}`,
      RETRY_DELAYS_MS: '300,600,900',
      LOG_LEVEL: 'error',
    });
    const { KAFKA_BROKERS, KAFKA_PARTITIONS } = service.config;
    events = await EventRecorder.start(
      KAFKA_BROKERS,
      service.app.get(Topology),
      [Topics.ObligationsAssessed, Topics.TransferSlipReturned],
      KAFKA_PARTITIONS,
    );
    tax = new TaxHarness(
      service.app,
      service.baseUrl,
      simulators.baseUrl,
      KAFKA_BROKERS,
      service.config.PAYMENT_WEBHOOK_SECRET,
    );
  }, 120_000);

  afterAll(async () => {
    await tax?.close();
    await events?.stop();
    await service?.close();
    await simulators?.stop();
  });

  it('assesses a change of purpose: the land-use levy in two notices, due in 30 and 90 days', async () => {
    const code = dossier();
    const sent = await tax.sendLandEvent(
      Topics.PurposeChangeSlipSent,
      code,
      aPurposeChangeSlip(code),
    );
    const [event] = await waitFor('ObligationsAssessed', () => assessed(code));
    expect(event).toMatchObject({ correlationId: sent.correlationId, causationId: sent.eventId });
    expect(event.payload).toMatchObject({
      assessmentId: `${code}:R1`,
      totalVnd: 231_000_000,
      payUrl: expect.stringContaining(`/pay/${encodeURIComponent(`${code}:R1`)}`),
      notices: [
        {
          code: 'LAND_USE_LEVY',
          labelVi: expect.stringContaining('(đợt 1/2)'),
          taxpayerName: 'Dương Văn Long',
          baseVnd: 770_000_000,
          amountVnd: 115_500_000,
          dueDate: inDays(30),
        },
        {
          code: 'LAND_USE_LEVY',
          labelVi: expect.stringContaining('(đợt 2/2)'),
          amountVnd: 115_500_000,
          dueDate: inDays(90),
        },
      ],
    });
  });

  it('returns a purpose-change slip the price table cannot price, then assesses its correction', async () => {
    const code = dossier();
    await tax.sendLandEvent(
      Topics.PurposeChangeSlipSent,
      code,
      aPurposeChangeSlip(code, { fromPurpose: 'LUC' }),
    );
    const [returned] = await waitFor('TransferSlipReturned', () =>
      events.of(Topics.TransferSlipReturned, code),
    );
    expect(returned.payload).toMatchObject({
      slipRevision: 1,
      problems: [{ field: 'fromPurpose', code: 'SLIP.NO_PRICE_FOR_PURPOSE' }],
    });
    await tax.sendLandEvent(
      Topics.PurposeChangeSlipSent,
      code,
      aPurposeChangeSlip(code, { slipRevision: 2 }),
    );
    const [event] = await waitFor('ObligationsAssessed', () => assessed(code));
    expect(event.payload).toMatchObject({ assessmentId: `${code}:R2`, totalVnd: 231_000_000 });
  });

  it('assesses a house registration: the fee on the house, readable in its province and by its owner', async () => {
    const code = dossier();
    await tax.sendLandEvent(Topics.HouseSlipSent, code, aHouseSlip(code));
    const [event] = await waitFor('ObligationsAssessed', () => assessed(code));
    expect(event.payload).toMatchObject({
      totalVnd: 1_050_000,
      notices: [
        {
          code: 'REGISTRATION_FEE',
          labelVi: 'Lệ phí trước bạ (nhà)',
          taxpayerName: 'Nguyễn Văn An',
          baseVnd: 210_000_000,
          amountVnd: 1_050_000,
          dueDate: inDays(30),
        },
      ],
    });
    const path = `/assessments/${code}`;
    for (const reader of [SAMPLE_USERS.taxAnGiang, SAMPLE_USERS.citizenAn])
      expect((await tax.service(path, 'GET', undefined, reader)).status).toBe(200);
    expect((await tax.service(path, 'GET', undefined, SAMPLE_USERS.taxHaNoi)).status).toBe(404);
  });

  it('assesses an inheritance with two heirs: the child owes nothing, the other heir PIT and fee', async () => {
    const code = dossier();
    await tax.sendSlip(anInheritanceSlip(code));
    const [event] = await waitFor('ObligationsAssessed', () => assessed(code));
    expect(event.payload).toMatchObject({
      totalVnd: 209_000_000,
      notices: [
        {
          code: 'PIT',
          taxpayerName: 'Nguyễn Thị Hoa',
          amountVnd: 0,
          exemptionVi: expect.stringContaining('cha đẻ, mẹ đẻ với con đẻ'),
          dueDate: today(),
        },
        { code: 'REGISTRATION_FEE', taxpayerName: 'Nguyễn Thị Hoa', amountVnd: 0 },
        {
          code: 'PIT',
          taxpayerName: 'Lê Văn Khoa',
          baseVnd: 1_990_000_000,
          amountVnd: 199_000_000,
          dueDate: inDays(30),
        },
        {
          code: 'REGISTRATION_FEE',
          taxpayerName: 'Lê Văn Khoa',
          baseVnd: 2_000_000_000,
          amountVnd: 10_000_000,
          dueDate: inDays(30),
        },
      ],
    });
  });
});

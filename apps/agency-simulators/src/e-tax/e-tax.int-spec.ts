import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import {
  AgencyErrorBody,
  ETAX_API,
  SIMULATOR_ADMIN_API,
  TaxFilingResponse,
} from '@lien-thong/agency-contracts';
import { RunningService, SAMPLE_USERS, authAs, startService } from '@lien-thong/testing';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { AGENCY_SIMULATORS_SERVICE } from '../service';
import { jsonClient } from '../test-support/json-client';

const FILINGS = `${ETAX_API.simulatorMount}${ETAX_API.filings}`;
const VOID = (filingId: string) => `${ETAX_API.simulatorMount}${ETAX_API.voidFiling(filingId)}`;

const filing = (filingId: string) => ({
  filingId,
  dossierCode: '000.00.04.H26-260701-0001',
  taxpayer: { name: 'Nguyễn Văn An', taxCode: '001085012345' },
  obligations: [
    { code: 'PIT', amountVnd: 80_000_000, dueDate: '2026-07-31' },
    { code: 'LAND_USE_LEVY', amountVnd: 15_000_000, dueDate: '2026-07-31' },
    { code: 'LAND_USE_LEVY', amountVnd: 15_000_000, dueDate: '2026-09-29' },
  ],
});

describe('e-tax simulator', () => {
  let simulators: RunningService<AgencySimulatorsConfig>;
  let api: ReturnType<typeof jsonClient>;
  const storedFilings = (filingId: string) =>
    simulators.app
      .get<Connection>(getConnectionToken())
      .collection('etax_filings')
      .countDocuments({ _id: filingId as never });

  beforeAll(async () => {
    simulators = await startService(AGENCY_SIMULATORS_SERVICE);
    api = jsonClient(simulators.baseUrl, await authAs(SAMPLE_USERS.operator));
  });
  afterAll(() => simulators?.close());

  it('issues one payment notice per obligation line, with its amount and due date', async () => {
    const answer = await api.post<TaxFilingResponse>(FILINGS, filing('filing-1'));
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      filingId: 'filing-1',
      dossierCode: '000.00.04.H26-260701-0001',
      notices: [
        {
          noticeNumber: expect.stringMatching(/^TB-TNCN-\d{4}-\d{7}$/),
          code: 'PIT',
          amountVnd: 80_000_000,
          dueDate: '2026-07-31',
        },
        {
          noticeNumber: expect.stringMatching(/^TB-TSDD-/),
          code: 'LAND_USE_LEVY',
          amountVnd: 15_000_000,
          dueDate: '2026-07-31',
        },
        {
          noticeNumber: expect.stringMatching(/^TB-TSDD-/),
          code: 'LAND_USE_LEVY',
          amountVnd: 15_000_000,
          dueDate: '2026-09-29',
        },
      ],
      receivedAt: expect.any(String),
      status: 'FILED',
    });
    expect(new Set(answer.body.notices.map((n) => n.noticeNumber)).size).toBe(3);
    expect(
      (await api.get(`${ETAX_API.simulatorMount}${ETAX_API.filing('filing-1')}`)).body,
    ).toEqual(answer.body);
  });

  it('answers a repeated filing with the same notice numbers and stores it once', async () => {
    const first = await api.post<TaxFilingResponse>(FILINGS, filing('filing-2'));
    const [again, concurrent] = await Promise.all([
      api.post<TaxFilingResponse>(FILINGS, filing('filing-2')),
      api.post<TaxFilingResponse>(FILINGS, filing('filing-2')),
    ]);
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect(concurrent.body).toEqual(first.body);
    expect(await storedFilings('filing-2')).toBe(1);
  });

  it('files two first attempts racing each other only once', async () => {
    const answers = await Promise.all(
      [1, 2, 3].map(() => api.post<TaxFilingResponse>(FILINGS, filing('filing-race'))),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers[1].body).toEqual(answers[0].body);
    expect(answers[2].body).toEqual(answers[0].body);
    expect(await storedFilings('filing-race')).toBe(1);
  });

  it('never gives two concurrent filings the same notice number', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.post<TaxFilingResponse>(FILINGS, filing(`filing-many-${i}`)),
      ),
    );
    const numbers = answers.flatMap((a) => a.body.notices.map((n) => n.noticeNumber));
    expect(numbers).toHaveLength(18);
    expect(new Set(numbers).size).toBe(18);
  });

  it('refuses a filingId reused for a different filing with 409', async () => {
    await api.post(FILINGS, filing('filing-3'));
    const changed = {
      ...filing('filing-3'),
      taxpayer: { name: 'Trần Thị Bình', taxCode: '001190023456' },
    };
    const answer = await api.post<AgencyErrorBody>(FILINGS, changed);
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('ETAX.FILING_ID_REUSED');
  });

  it('returns an obviously incomplete filing with 422 and what is missing', async () => {
    const answer = await api.post<AgencyErrorBody>(FILINGS, {
      ...filing('filing-4'),
      taxpayer: { name: ' ', taxCode: '' },
      obligations: [],
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      code: 'ETAX.FILING_INCOMPLETE',
      details: { missing: ['taxpayer.name', 'taxpayer.taxCode', 'obligations'] },
    });
    expect(answer.body.message).toContain('bổ sung');
    expect(await storedFilings('filing-4')).toBe(0);
  });

  it('refuses malformed amounts, codes and dates with 400', async () => {
    const answer = await api.post<AgencyErrorBody>(FILINGS, {
      ...filing('filing-5'),
      obligations: [{ code: 'VAT', amountVnd: 10.5, dueDate: '2026-02-30' }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        'obligations.0.code',
        'obligations.0.amountVnd',
        'obligations.0.dueDate',
      ]),
    );
  });

  it('answers 404 with a code for an unknown filing', async () => {
    const answer = await api.get<AgencyErrorBody>(
      `${ETAX_API.simulatorMount}${ETAX_API.filing('nope')}`,
    );
    expect(answer).toMatchObject({ status: 404, body: { code: 'ETAX.FILING_NOT_FOUND' } });
  });

  it('voids a filing once: its notices stand no more, a repeat answers the first void', async () => {
    const filed = await api.post<TaxFilingResponse>(FILINGS, filing('filing-void'));
    const [voided, concurrent] = await Promise.all([
      api.post<TaxFilingResponse>(VOID('filing-void'), { reason: 'Hồ sơ bị từ chối' }),
      api.post<TaxFilingResponse>(VOID('filing-void'), { reason: 'Hồ sơ bị từ chối' }),
    ]);
    expect(voided).toMatchObject({
      status: 200,
      body: {
        ...filed.body,
        status: 'VOIDED',
        voidedAt: expect.any(String),
        voidReason: 'Hồ sơ bị từ chối',
      },
    });
    expect(concurrent.body).toEqual(voided.body);
    const later = await api.post<TaxFilingResponse>(VOID('filing-void'), { reason: 'Khác' });
    expect(later.body).toEqual(voided.body);
    expect(
      (await api.get(`${ETAX_API.simulatorMount}${ETAX_API.filing('filing-void')}`)).body,
    ).toEqual(voided.body);
    // The same filing sent again does not bring its notices back.
    expect((await api.post<TaxFilingResponse>(FILINGS, filing('filing-void'))).body).toEqual(
      voided.body,
    );
  });

  it('answers 404 for voiding an unknown filing, 400 without a reason, 503 while e-tax is down', async () => {
    expect(await api.post(VOID('never-filed'), { reason: 'Hồ sơ bị từ chối' })).toMatchObject({
      status: 404,
      body: { code: 'ETAX.FILING_NOT_FOUND' },
    });
    await api.post(FILINGS, filing('filing-void-2'));
    expect((await api.post(VOID('filing-void-2'), {})).status).toBe(400);
    await api.put(SIMULATOR_ADMIN_API.agencyFaults('e-tax'), { outage: true });
    try {
      expect(await api.post(VOID('filing-void-2'), { reason: 'Hồ sơ bị từ chối' })).toMatchObject({
        status: 503,
        body: { code: 'SIMULATOR.OUTAGE' },
      });
    } finally {
      await api.delete(SIMULATOR_ADMIN_API.faults);
    }
    const filingNow = await api.get<TaxFilingResponse>(
      `${ETAX_API.simulatorMount}${ETAX_API.filing('filing-void-2')}`,
    );
    expect(filingNow.body.status).toBe('FILED');
  });

  it('still answers the same notices after a restart', async () => {
    const before = await api.post<TaxFilingResponse>(FILINGS, filing('filing-6'));
    await simulators.close();
    simulators = await startService(AGENCY_SIMULATORS_SERVICE, {
      MONGO_DB: simulators.config.MONGO_DB,
    });
    api = jsonClient(simulators.baseUrl, await authAs(SAMPLE_USERS.operator));
    const after = await api.post<TaxFilingResponse>(FILINGS, filing('filing-6'));
    expect(after.body).toEqual(before.body);
    // The sequence continues instead of starting over.
    const next = await api.post<TaxFilingResponse>(FILINGS, filing('filing-7'));
    const numbers = (a: TaxFilingResponse) => a.notices.map((n) => n.noticeNumber);
    expect(numbers(next.body).some((n) => numbers(before.body).includes(n))).toBe(false);
  });
});

import { generateKeyPair, SignJWT } from 'jose';
import { BUS_SERVICES } from '@lien-thong/contracts';
import { ServiceAccountToken, signWebhook, SIGNATURE_HEADER } from '@lien-thong/platform';
import {
  authAs,
  eventually,
  SAMPLE_USERS as U,
  Stack,
  StackService,
  STACK_SERVICES,
  startStack,
  testInfra,
} from '@lien-thong/testing';

jest.setTimeout(600_000);

type Json = Record<string, unknown>;

/** Who may call a route, and what a call with each kind of caller must answer. */
type Access =
  | { public: string }
  | { signed: 'JUSTICE_WEBHOOK_SECRET' | 'PAYMENT_WEBHOOK_SECRET'; body: () => Json; ok: number }
  | {
      /** A user the route is for, and what it answers them ('authorized': neither 401 nor 403). */
      right: string;
      ok: number | 'authorized';
      /** A user of a role the route is not for: 403. */
      wrong: string;
      /** An officer of another unit: 403 or 404, never their data. */
      otherUnit?: string;
      body?: () => Json;
      /** More users of roles the route is not for: 403 each. */
      alsoWrong?: string[];
      /** A service account the route is also for (another service's), answered like `right`. */
      alsoRight?: () => Promise<Record<string, string>>;
    };

interface Row {
  service: StackService;
  /** As the OpenAPI document names it: "POST /dossiers/{code}/refusal". */
  route: string;
  /** The concrete path to call (parameters filled in). */
  path: () => string;
  access: Access;
  /** What must have happened before the row is called (e.g. a registration to finish). */
  before?: () => Promise<unknown>;
}

/**
 * Every route of every service, called without a token, with a forged one, with a token of a
 * role it is not for, as an officer of another unit, and as the person it is for. The table
 * must name every route the services' OpenAPI documents declare: a new route without a row
 * fails here.
 */
describe('who may call what: every route of every service', () => {
  let stack: Stack;
  /** A dossier that went all the way (parcel 00004/12/101, sold by the sample citizen An). */
  let done: string;
  /** A dossier for the officers' decisions (parcel 00004/12/102). */
  let pending: string;
  let forgedToken: string;
  /** A dossier its applicant withdraws (parcel 00004/12/104). */
  let toWithdraw: string;
  /** A valid counter submission for parcel 00004/12/103. */
  let request103: Json;
  /** The payment callback the gateway sent for `done`, to be sent again. */
  let paidCallback: Json;

  const lrUrl = () => stack.url['land-registry'];
  /** The land registry's service account (realm role notification-reader), as provisioned. */
  const landRegistryAccount = async () => {
    const env = testInfra().envFor('land-registry');
    landRegistryToken ??= new ServiceAccountToken({
      issuerUrl: testInfra().oidcIssuerUrl,
      clientId: env.OIDC_LAND_REGISTRY_CLIENT_ID,
      clientSecret: env.OIDC_LAND_REGISTRY_CLIENT_SECRET,
      timeoutMs: 15_000,
    });
    return { authorization: `Bearer ${await landRegistryToken.value()}` };
  };
  let landRegistryToken: ServiceAccountToken | undefined;

  async function call(
    service: StackService,
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: Json,
  ) {
    const raw = body === undefined ? undefined : JSON.stringify(body);
    const res = await fetch(`${stack.url[service]}${path}`, {
      method,
      headers: { ...(raw ? { 'content-type': 'application/json' } : {}), ...headers },
      body: raw,
    });
    const text = await res.text();
    return { status: res.status, text };
  }

  const transfer = (parcelNumber: number, sellers: Json[]) => ({
    channel: 'COUNTER',
    resultDelivery: 'COUNTER',
    parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber },
    transferKind: 'SALE',
    contractDate: '2026-11-16',
    declaredPriceVnd: 3_000_000_000,
    sellers,
    buyers: [
      {
        fullName: 'Phạm Minh Khang',
        citizenId: '001092011223',
        address: 'Số 5 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
      },
    ],
    applicant: { fullName: 'Phạm Minh Khang', phone: '0912345678' },
  });

  async function requestFor(parcelNumber: number): Promise<Json> {
    const auth = await authAs(U.counterBaDinh);
    const parcel = JSON.parse(
      (await call('land-registry', 'GET', `/parcels/00004/12/${parcelNumber}`, auth)).text,
    ) as { certificate: { serial: string }; owners: Json[] };
    const sellers = parcel.owners.map((o) => ({
      fullName: o.fullName,
      citizenId: o.citizenId,
      address: o.address,
      relationshipToBuyer: 'NONE',
      ownsOtherResidentialProperty: true,
    }));
    return { ...transfer(parcelNumber, sellers), certificateSerial: parcel.certificate.serial };
  }

  async function submitFor(parcelNumber: number): Promise<string> {
    const auth = await authAs(U.counterBaDinh);
    const answer = await call(
      'land-registry',
      'POST',
      '/dossiers/transfers',
      auth,
      await requestFor(parcelNumber),
    );
    expect(answer.status).toBe(201);
    return (JSON.parse(answer.text) as { dossierCode: string }).dossierCode;
  }

  async function viewOf(code: string): Promise<Json & { status: string }> {
    const answer = await call('land-registry', 'GET', `/dossiers/${code}`, {
      ...(await authAs(U.counterBaDinh)),
    });
    return JSON.parse(answer.text) as Json & { status: string };
  }

  const reach = (code: string, status: string) =>
    eventually(
      async () => {
        const view = await viewOf(code);
        return view.status === status ? view : undefined;
      },
      180_000,
      `${code} to reach ${status}`,
    );

  beforeAll(async () => {
    stack = await startStack({
      common: { RETRY_DELAYS_MS: '500,2000,5000' },
      env: { 'land-registry': { LOGIN_FAILURES_POLL_MS: '1000' } },
    });
    // One dossier all the way to the counter: the citizen pays (the operator plays the gateway).
    done = await submitFor(101);
    const waiting = await reach(done, 'WAITING_FOR_PAYMENT');
    const orderId = (waiting.assessment as { assessmentId: string }).assessmentId;
    const pay = await call(
      'agency-simulators',
      'POST',
      `/admin/payments/orders/${encodeURIComponent(orderId)}/pay`,
      await authAs(U.operator),
      {},
    );
    expect(pay.status).toBe(200);
    // Paid and still clear: it waits in the Ba Đình branch's review queue (the rows below
    // claim, propose, send back, propose again and approve it).
    await reach(done, 'IN_REVIEW');
    const assessment = JSON.parse(
      (await call('tax-obligation', 'GET', `/assessments/${done}`, await authAs(U.taxHaNoi))).text,
    ) as { payment: { transactionId: string; amountVnd: number; paidAt: string } };
    const { transactionId, amountVnd, paidAt } = assessment.payment;
    paidCallback = { orderId, status: 'PAID', transactionId, amountVnd, paidAt };
    // One on which the officers decide: e-tax is down (until the faults row clears it), so
    // it waits for tax, a step where a supplement may be asked for.
    const outage = await call(
      'agency-simulators',
      'PUT',
      '/admin/faults/e-tax',
      await authAs(U.operator),
      { outage: true },
    );
    expect(outage.status).toBe(200);
    pending = await submitFor(102);
    await reach(pending, 'WAITING_FOR_TAX');
    request103 = await requestFor(103);
    toWithdraw = await submitFor(104);
    // A token with the operator's claims, signed by a key the issuer never had.
    const { privateKey } = await generateKeyPair('RS256');
    forgedToken = await new SignJWT({
      realm_access: { roles: ['operator', 'counter-officer', 'land-leader'] },
      unit: '01',
      preferred_username: 'ke.gia.mao',
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(testInfra().oidcIssuerUrl)
      .setAudience('lien-thong-api')
      .setSubject('forged')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
  });
  afterAll(() => stack?.stop());

  const operatorOnly = (service: StackService, route: string, path: () => string): Row => ({
    service,
    route,
    path,
    access: { right: U.operator, ok: 'authorized', wrong: U.counterBaDinh },
  });
  const deadLetters = (service: StackService): Row[] => [
    {
      service,
      route: 'GET /admin/dead-letters',
      path: () => '/admin/dead-letters',
      access: { right: U.operator, ok: 200, wrong: U.auditor },
    },
    operatorOnly(service, 'POST /admin/dead-letters/replay', () => '/admin/dead-letters/replay'),
    operatorOnly(
      service,
      'POST /admin/dead-letters/{id}/replay',
      () => '/admin/dead-letters/no-such-letter/replay',
    ),
  ];
  const audit = (service: StackService): Row[] =>
    ['/audit/records', '/audit/verification'].map((path) => ({
      service,
      route: `GET ${path}`,
      path: () => path,
      access: { right: U.auditor, ok: 200, wrong: U.operator },
    }));
  const health = (service: StackService): Row[] =>
    ['/health', '/health/live', '/health/ready'].map((path) => ({
      service,
      route: `GET ${path}`,
      path: () => path,
      access: { public: 'probes' },
    }));
  const simulatorPublic = (route: string): Row => ({
    service: 'agency-simulators',
    route,
    path: () => '',
    access: { public: 'a simulated agency API' },
  });
  const simulatorAdmin = (route: string, path: string, body?: () => Json): Row => ({
    service: 'agency-simulators',
    route,
    path: () => path,
    access: { right: U.operator, ok: 'authorized', wrong: U.counterBaDinh, body },
  });
  const hold = () => ({
    parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 139 },
    hold: {
      authority: 'Tòa án nhân dân khu vực 1 – Hà Nội',
      documentNumber: '5/2026/QĐ-BPKCTT',
      issuedOn: '2026-11-20',
      reason: 'Cấm chuyển dịch',
    },
    placedAt: new Date().toISOString(),
  });

  // The intake routes besides the transfer's (each also has its /validation twin).
  const OTHER_INTAKES = [
    'inheritances',
    'mortgages',
    'mortgage-releases',
    'purpose-changes',
    'house-registrations',
  ];
  // In call order: the officers' decisions on `pending` follow one another.
  const ROWS: Row[] = [
    {
      service: 'land-registry',
      route: 'POST /dossiers/transfers',
      path: () => '/dossiers/transfers',
      access: {
        right: U.counterBaDinh,
        ok: 201,
        wrong: U.taxHaNoi,
        otherUnit: U.counterAnGiang,
        body: () => request103,
      },
    },
    // The other procedures' intake: the same guard as a transfer's (a counter officer or a
    // citizen; the province check is the shared receive path's, tried on the transfer row).
    ...OTHER_INTAKES.map((procedure): Row => ({
      service: 'land-registry',
      route: `POST /dossiers/${procedure}`,
      path: () => `/dossiers/${procedure}`,
      access: { right: U.counterBaDinh, ok: 'authorized', wrong: U.taxHaNoi, body: () => ({}) },
    })),
    // The forms' live validation: the intake's guard and province check (the same code path),
    // storing nothing, so a valid body answers 200 before and 409 after its intake.
    {
      service: 'land-registry',
      route: 'POST /dossiers/transfers/validation',
      path: () => '/dossiers/transfers/validation',
      access: {
        right: U.counterBaDinh,
        ok: 'authorized',
        wrong: U.taxHaNoi,
        otherUnit: U.counterAnGiang,
        body: () => request103,
      },
    },
    ...OTHER_INTAKES.map((procedure): Row => ({
      service: 'land-registry',
      route: `POST /dossiers/${procedure}/validation`,
      path: () => `/dossiers/${procedure}/validation`,
      access: { right: U.counterBaDinh, ok: 'authorized', wrong: U.taxHaNoi, body: () => ({}) },
    })),
    ...['GET /procedures', 'GET /procedures/{key}'].map((route): Row => ({
      service: 'land-registry',
      route,
      path: () => (route.endsWith('{key}') ? '/procedures/MORTGAGE' : '/procedures'),
      access: { public: 'the procedure catalogue' },
    })),
    {
      service: 'land-registry',
      route: 'GET /dossiers/{code}',
      path: () => `/dossiers/${done}`,
      access: {
        right: U.counterBaDinh,
        ok: 200,
        wrong: U.taxHaNoi,
        otherUnit: U.landOfficerAnGiang,
      },
    },
    {
      service: 'land-registry',
      route: 'GET /tracking/{code}',
      path: () => `/tracking/${done}?secret=AAAAAAAAAA`,
      access: { public: 'code and receipt secret' },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/supplement-requests',
      path: () => `/dossiers/${pending}/supplement-requests`,
      access: {
        right: U.counterBaDinh,
        ok: 200,
        wrong: U.taxHaNoi,
        otherUnit: U.counterAnGiang,
        body: () => ({ reasonVi: 'Thiếu bản sao hợp đồng có công chứng' }),
      },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/supplements',
      path: () => `/dossiers/${pending}/supplements`,
      access: {
        right: U.counterBaDinh,
        ok: 200,
        wrong: U.landOfficerBaDinh,
        otherUnit: U.counterAnGiang,
        body: () => ({}),
      },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/refusal',
      path: () => `/dossiers/${pending}/refusal`,
      access: {
        right: U.landOfficerBaDinh,
        ok: 200,
        wrong: U.counterBaDinh,
        otherUnit: U.landOfficerAnGiang,
        body: () => ({ reasonVi: 'Hợp đồng không có chữ ký của bên bán' }),
      },
    },
    {
      service: 'land-registry',
      route: 'GET /review-queue',
      path: () => '/review-queue',
      access: { right: U.landOfficerBaDinh, ok: 200, wrong: U.counterBaDinh },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/review/claim',
      path: () => `/dossiers/${done}/review/claim`,
      access: {
        right: U.landOfficerBaDinh,
        ok: 200,
        wrong: U.counterBaDinh,
        otherUnit: U.landOfficerAnGiang,
      },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/review/assignment',
      path: () => `/dossiers/${done}/review/assignment`,
      access: {
        right: U.leaderHaNoi,
        ok: 200,
        wrong: U.landOfficerBaDinh,
        otherUnit: U.leaderAnGiang,
        body: () => ({ username: U.landOfficerBaDinh }),
      },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/review/proposal',
      path: () => `/dossiers/${done}/review/proposal`,
      access: {
        right: U.landOfficerBaDinh,
        ok: 200,
        wrong: U.leaderHaNoi,
        otherUnit: U.landOfficerAnGiang,
        body: () => ({ opinionVi: 'Hồ sơ đầy đủ, hợp lệ' }),
      },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/review/send-back',
      path: () => `/dossiers/${done}/review/send-back`,
      access: {
        right: U.leaderHaNoi,
        ok: 200,
        wrong: U.landOfficerBaDinh,
        otherUnit: U.leaderAnGiang,
        body: () => ({ reasonVi: 'Cần đối chiếu lại trích lục bản đồ' }),
      },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/review/proposal',
      path: () => `/dossiers/${done}/review/proposal`,
      access: {
        right: U.landOfficerBaDinh,
        ok: 200,
        wrong: U.counterBaDinh,
        body: () => ({ opinionVi: 'Đã đối chiếu trích lục, đủ điều kiện' }),
      },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/approval',
      path: () => `/dossiers/${done}/approval`,
      access: {
        right: U.leaderHaNoi,
        ok: 200,
        wrong: U.landOfficerBaDinh,
        otherUnit: U.leaderAnGiang,
      },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/withdrawal',
      path: () => `/dossiers/${toWithdraw}/withdrawal`,
      access: {
        right: U.counterBaDinh,
        ok: 200,
        wrong: U.taxHaNoi,
        otherUnit: U.counterAnGiang,
        body: () => ({ reasonVi: 'Người nộp hồ sơ có đơn xin rút hồ sơ' }),
      },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/result-handover',
      path: () => `/dossiers/${done}/result-handover`,
      // Approved above: registered once the registry has answered the last check.
      before: () => reach(done, 'RESULT_READY'),
      access: {
        right: U.counterBaDinh,
        ok: 200,
        wrong: U.landOfficerBaDinh,
        otherUnit: U.counterAnGiang,
      },
    },
    // The officer console (issue 16): the unit's list and statistics, officers only; the
    // printed forms for the dossier's officers and its citizen parties.
    {
      service: 'land-registry',
      route: 'GET /dossiers',
      path: () => '/dossiers?limit=5',
      access: { right: U.counterBaDinh, ok: 200, wrong: U.citizenAn },
    },
    ...['/statistics', '/statistics.csv'].map((path): Row => ({
      service: 'land-registry',
      route: `GET ${path}`,
      path: () => `${path}?from=2026-01-01&to=2026-12-31&unit=01/CN-BADINH`,
      access: {
        right: U.landOfficerBaDinh,
        ok: 200,
        wrong: U.taxHaNoi,
        otherUnit: U.leaderAnGiang,
      },
    })),
    {
      service: 'land-registry',
      route: 'GET /dossiers/{code}/forms/{form}',
      path: () => `/dossiers/${done}/forms/receipt`,
      access: {
        right: U.counterBaDinh,
        ok: 200,
        wrong: U.taxHaNoi,
        otherUnit: U.counterAnGiang,
      },
    },
    // The citizen portal (issue 16): a citizen's own dossiers; a dossier's documents for its
    // parties and officers, uploaded by a party or the counter (this JSON body has no file).
    {
      service: 'land-registry',
      route: 'GET /citizen/dossiers',
      path: () => '/citizen/dossiers?limit=5',
      access: { right: U.citizenAn, ok: 200, wrong: U.counterBaDinh },
    },
    {
      service: 'land-registry',
      route: 'GET /citizen/dossiers/{code}',
      path: () => `/citizen/dossiers/${done}`,
      access: { right: U.citizenAn, ok: 200, wrong: U.counterBaDinh },
    },
    {
      service: 'land-registry',
      route: 'POST /dossiers/{code}/documents',
      path: () => `/dossiers/${done}/documents`,
      access: {
        right: U.citizenAn,
        ok: 'authorized',
        wrong: U.taxHaNoi,
        otherUnit: U.counterAnGiang,
        body: () => ({ kind: 'TRANSFER_CONTRACT' }),
      },
    },
    {
      service: 'land-registry',
      route: 'GET /dossiers/{code}/documents',
      path: () => `/dossiers/${done}/documents`,
      access: {
        right: U.counterBaDinh,
        ok: 200,
        wrong: U.taxHaNoi,
        otherUnit: U.counterAnGiang,
      },
    },
    {
      service: 'land-registry',
      route: 'GET /dossiers/{code}/documents/{documentId}',
      path: () => `/dossiers/${done}/documents/${'0'.repeat(24)}`,
      access: {
        right: U.citizenAn,
        ok: 'authorized',
        wrong: U.taxHaNoi,
        otherUnit: U.counterAnGiang,
      },
    },
    {
      service: 'land-registry',
      route: 'GET /backlog',
      path: () => '/backlog',
      access: { right: U.counterBaDinh, ok: 200, wrong: U.citizenAn },
    },
    {
      service: 'land-registry',
      route: 'GET /parcels/{communeCode}/{mapSheetNumber}/{parcelNumber}',
      path: () => '/parcels/00004/12/101',
      access: {
        right: U.counterBaDinh,
        ok: 200,
        wrong: U.citizenAn,
        otherUnit: U.counterAnGiang,
      },
    },
    {
      service: 'land-registry',
      route: 'PUT /admin/maintenance',
      path: () => '/admin/maintenance',
      // Switched off: the rows and tests after this one still submit dossiers.
      access: { right: U.operator, ok: 200, wrong: U.counterBaDinh, body: () => ({ on: false }) },
    },
    {
      service: 'secured-transactions',
      route: 'POST /justice/holds',
      path: () => '/justice/holds',
      access: { signed: 'JUSTICE_WEBHOOK_SECRET', body: hold, ok: 202 },
    },
    {
      service: 'tax-obligation',
      route: 'GET /assessments/{dossierCode}',
      path: () => `/assessments/${done}`,
      access: { right: U.taxHaNoi, ok: 200, wrong: U.counterBaDinh, otherUnit: U.taxAnGiang },
    },
    {
      service: 'tax-obligation',
      route: 'POST /payments/callback',
      path: () => '/payments/callback',
      access: {
        signed: 'PAYMENT_WEBHOOK_SECRET',
        // The order of the registered dossier was paid: a repeat is answered 200, not recorded.
        body: () => paidCallback,
        ok: 200,
      },
    },
    {
      service: 'notification',
      route: 'GET /notifications',
      path: () => `/notifications?dossierCode=${done}`,
      // The operator, and the land registry's service account for the officer's view.
      access: {
        right: U.operator,
        ok: 200,
        wrong: U.counterBaDinh,
        alsoWrong: [U.landOfficerBaDinh, U.citizenAn, U.auditor],
        alsoRight: landRegistryAccount,
      },
    },
    {
      service: 'land-registry',
      route: 'GET /agency/land-use-rights/{communeCode}/{mapSheetNumber}/{parcelNumber}',
      path: () => '/agency/land-use-rights/00004/12/101',
      access: {
        right: U.constructionHaNoi,
        ok: 200,
        wrong: U.counterBaDinh,
        otherUnit: U.constructionAnGiang,
      },
    },
    {
      service: 'construction',
      route: 'GET /opinion-requests',
      path: () => '/opinion-requests',
      access: { right: U.constructionHaNoi, ok: 200, wrong: U.landOfficerBaDinh },
    },
    {
      service: 'construction',
      route: 'GET /opinion-requests/{requestId}',
      path: () => '/opinion-requests/NO-SUCH:C1',
      access: {
        right: U.constructionHaNoi,
        ok: 'authorized',
        wrong: U.citizenAn,
        otherUnit: U.constructionAnGiang,
      },
    },
    {
      service: 'construction',
      route: 'POST /building-permits/land-use-right-lookups',
      path: () => '/building-permits/land-use-right-lookups',
      access: {
        right: U.constructionHaNoi,
        ok: 200,
        wrong: U.citizenAn,
        otherUnit: U.constructionAnGiang,
        body: () => ({
          applicationNumber: 'GPXD-2026-0001',
          parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 101 },
        }),
      },
    },
    ...BUS_SERVICES.flatMap(deadLetters),
    ...BUS_SERVICES.flatMap(audit),
    ...STACK_SERVICES.flatMap(health),
    ...[
      'POST /etax/v1/filings',
      'GET /etax/v1/filings/{filingId}',
      'POST /etax/v1/filings/{filingId}/void',
      'POST /justice/v1/parcel-checks',
      'POST /sms/v1/messages',
      'POST /email/v1/messages',
      'POST /zalo/v1/messages',
      'POST /payments/v1/orders',
      'GET /payments/v1/orders/{orderId}',
      'POST /payments/v1/orders/{orderId}/cancel',
      'POST /payments/v1/orders/{orderId}/refund',
      'GET /payments/v1/pay/{orderId}',
      'POST /payments/v1/pay/{orderId}',
      'GET /population/v1/citizens/{citizenId}',
      'POST /construction/v1/conformity-requests',
      'GET /construction/v1/conformity-requests/{requestId}',
      'POST /construction/v1/conformity-requests/{requestId}/cancellation',
    ].map(simulatorPublic),
    simulatorAdmin('PUT /admin/faults/{agency}', '/admin/faults/zalo', () => ({ latencyMs: 0 })),
    simulatorAdmin('GET /admin/faults', '/admin/faults'),
    simulatorAdmin('DELETE /admin/faults', '/admin/faults'),
    simulatorAdmin('GET /admin/stats/{agency}', '/admin/stats/zalo'),
    simulatorAdmin('DELETE /admin/stats', '/admin/stats'),
    simulatorAdmin('POST /admin/justice/holds', '/admin/justice/holds', hold),
    simulatorAdmin(
      'DELETE /admin/justice/holds/{communeCode}/{mapSheetNumber}/{parcelNumber}',
      '/admin/justice/holds/00004/12/139',
    ),
    simulatorAdmin('GET /admin/messages', '/admin/messages?dossierCode=X'),
    simulatorAdmin(
      'POST /admin/payments/orders/{orderId}/pay',
      '/admin/payments/orders/x/pay',
      () => ({}),
    ),
    simulatorAdmin(
      'POST /admin/payments/orders/{orderId}/callback',
      '/admin/payments/orders/x/callback',
    ),
    simulatorAdmin('GET /admin/payments/auto-pay', '/admin/payments/auto-pay'),
    simulatorAdmin('PUT /admin/payments/auto-pay', '/admin/payments/auto-pay', () => ({
      delayMs: 200,
    })),
  ];

  it('has a row for every route each service declares in its OpenAPI document', async () => {
    for (const service of STACK_SERVICES) {
      const docs = JSON.parse((await call(service, 'GET', '/docs-json')).text) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const declared = Object.entries(docs.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      );
      const inTable = ROWS.filter((r) => r.service === service).map((r) => r.route);
      expect({ service, routes: [...declared].sort() }).toEqual({
        service,
        routes: [...new Set(inTable)].sort(),
      });
    }
  });

  it.each(ROWS.map((r) => [`${r.service}: ${r.route}`, r] as const))('%s', async (_name, row) => {
    const [method] = row.route.split(' ');
    await row.before?.();
    const { access } = row;
    if ('public' in access) {
      const answer = await call(row.service, method, row.path());
      expect([401, 403]).not.toContain(answer.status);
      return;
    }
    if ('signed' in access) {
      const body = access.body();
      const raw = JSON.stringify(body);
      const secret = testInfra().envFor(row.service)[access.signed];
      const unsigned = await call(row.service, method, row.path(), {}, body);
      const forged = await call(
        row.service,
        method,
        row.path(),
        { [SIGNATURE_HEADER]: signWebhook('a-secret-nobody-shared-with-us!', raw) },
        body,
      );
      expect([unsigned.status, forged.status]).toEqual([401, 401]);
      const signed = await call(
        row.service,
        method,
        row.path(),
        { [SIGNATURE_HEADER]: signWebhook(secret, raw) },
        body,
      );
      expect(signed.status).toBe(access.ok);
      return;
    }
    const body = access.body?.();
    const as = async (user: string) =>
      call(row.service, method, row.path(), await authAs(user), body);
    const none = await call(row.service, method, row.path(), {}, body);
    const garbage = await call(
      row.service,
      method,
      row.path(),
      { authorization: 'Bearer aaaa.bbbb.cccc' },
      body,
    );
    const forged = await call(
      row.service,
      method,
      row.path(),
      { authorization: `Bearer ${forgedToken}` },
      body,
    );
    expect([none.status, garbage.status, forged.status]).toEqual([401, 401, 401]);
    expect((await as(access.wrong)).status).toBe(403);
    for (const user of access.alsoWrong ?? [])
      expect({ user, status: (await as(user)).status }).toEqual({ user, status: 403 });
    if (access.otherUnit) {
      const other = await as(access.otherUnit);
      expect([403, 404]).toContain(other.status);
      expect(other.text).not.toMatch(/\d{12}/); // no citizen ID of theirs
    }
    const rights = [await as(access.right)];
    if (access.alsoRight)
      rights.push(await call(row.service, method, row.path(), await access.alsoRight(), body));
    for (const right of rights) {
      if (access.ok === 'authorized') expect([401, 403]).not.toContain(right.status);
      else expect({ status: right.status, text: right.text }).toMatchObject({ status: access.ok });
    }
  });

  it('shows a citizen party the progress of their dossier and no one else’s personal data, and a stranger nothing', async () => {
    const party = await call(
      'land-registry',
      'GET',
      `/dossiers/${done}`,
      await authAs(U.citizenAn),
    );
    expect(party.status).toBe(200);
    expect(JSON.parse(party.text)).toMatchObject({ dossierCode: done });
    expect(party.text).not.toMatch(/001092011223|0912345678/); // the buyer's ID and phone
    const stranger = await call(
      'land-registry',
      'GET',
      `/dossiers/${done}`,
      await authAs(U.citizenKhoa),
    );
    expect(stranger.status).toBe(404);
    expect(
      (await call('tax-obligation', 'GET', `/assessments/${done}`, await authAs(U.citizenAn)))
        .status,
    ).toBe(200);
  });

  it('counts in an officer’s backlog only the dossiers of their unit', async () => {
    const backlog = async (user: string) =>
      JSON.parse((await call('land-registry', 'GET', '/backlog', await authAs(user))).text) as {
        byStatus: Record<string, number>;
      };
    const total = (b: { byStatus: Record<string, number> }) =>
      Object.values(b.byStatus).reduce((a, n) => a + n, 0);
    expect(total(await backlog(U.counterBaDinh))).toBeGreaterThanOrEqual(2);
    expect(total(await backlog(U.counterAnGiang))).toBe(0);
  });

  it('gives the counter officer a receipt only for parcels of their own province', async () => {
    const answer = await call(
      'land-registry',
      'POST',
      '/dossiers/transfers',
      await authAs(U.counterAnGiang),
      request103,
    );
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toMatchObject({ code: 'AUTH.OTHER_UNIT' });
    expect(lrUrl()).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });

  it('keeps what officers did and who was refused in each service’s audit log, hash-chained', async () => {
    const auditor = await authAs(U.auditor);
    const records = JSON.parse(
      (await call('land-registry', 'GET', `/audit/records?dossierCode=${pending}`, auditor)).text,
    ) as { records: { action: string; actor?: { username: string } }[] };
    const actions = records.records.map((r) => `${r.action} ${r.actor?.username ?? ''}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'DOSSIER.RECEIVED motcua.badinh',
        'DOSSIER.SUPPLEMENT_REQUESTED motcua.badinh',
        'DOSSIER.REFUSED chuyenvien.badinh',
      ]),
    );
    const refused = JSON.parse(
      (await call('land-registry', 'GET', '/audit/records?limit=500', auditor)).text,
    ) as { records: { action: string }[] };
    expect(refused.records.map((r) => r.action)).toEqual(
      expect.arrayContaining(['AUTH.TOKEN_REJECTED', 'AUTH.FORBIDDEN']),
    );
    for (const service of BUS_SERVICES) {
      const verification = JSON.parse(
        (await call(service, 'GET', '/audit/verification', auditor)).text,
      ) as { ok: boolean };
      expect({ service, ok: verification.ok }).toEqual({ service, ok: true });
    }
  });

  it('ties an online submission to the logged-in citizen, who must be a party; the counter is for officers', async () => {
    const online: Json = { ...request103, channel: 'ONLINE' };
    const submit = async (user: string, body: Json) =>
      call('land-registry', 'POST', '/dossiers/transfers', await authAs(user), body);
    const stranger = await submit(U.citizenKhoa, online);
    const officerOnline = await submit(U.counterBaDinh, online);
    const citizenAtCounter = await submit(U.citizenKhoa, request103);
    expect(
      [stranger, officerOnline, citizenAtCounter].map((a) => [
        a.status,
        (JSON.parse(a.text) as { code: string }).code,
      ]),
    ).toEqual([
      [403, 'AUTH.NOT_A_PARTY'],
      [403, 'AUTH.CITIZEN_ONLY'],
      [403, 'AUTH.COUNTER_ONLY'],
    ]);
    // The buyer, logged in, may: the dossier records them as the applicant and shows them it.
    // (Another parcel: 103 has the counter's dossier, and a parcel takes one at a time.)
    const other: Json = { ...(await requestFor(108)), channel: 'ONLINE' };
    const buyer = {
      ...other,
      buyers: [{ ...(other.buyers as Json[])[0], citizenId: '001170100001' }],
    };
    const mine = await submit(U.citizenBinh, buyer);
    expect(mine.status).toBe(201);
    const code = (JSON.parse(mine.text) as { dossierCode: string }).dossierCode;
    const seen = await call(
      'land-registry',
      'GET',
      `/dossiers/${code}`,
      await authAs(U.citizenBinh),
    );
    expect(seen.status).toBe(200);
  });

  it('answers with security headers, without X-Powered-By, and allows no browser origin it was not told about', async () => {
    for (const service of STACK_SERVICES) {
      const res = await fetch(`${stack.url[service]}/health`, {
        headers: { origin: 'https://evil.example' },
      });
      expect({ service, poweredBy: res.headers.get('x-powered-by') }).toEqual({
        service,
        poweredBy: null,
      });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('brings a failed login at the identity provider into the land registry’s audit log', async () => {
    const issuer = testInfra().oidcIssuerUrl;
    const failed = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'lien-thong-web',
        username: 'lanhdao.hanoi',
        password: 'doan-mo-mat-khau',
      }),
    });
    expect(failed.status).toBe(401);
    const auditor = await authAs(U.auditor);
    const record = await eventually(
      async () => {
        const list = JSON.parse(
          (await call('land-registry', 'GET', '/audit/records?limit=500', auditor)).text,
        ) as { records: { action: string; details?: { username?: string; error?: string } }[] };
        return list.records.find(
          (r) => r.action === 'AUTH.LOGIN_FAILED' && r.details?.username === 'lanhdao.hanoi',
        );
      },
      30_000,
      'the failed login in the audit log',
    );
    expect(record.details?.error).toBe('invalid_user_credentials');
  });
});

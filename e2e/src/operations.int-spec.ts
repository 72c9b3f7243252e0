import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  authAs,
  eventually,
  findTraces,
  LocalJaeger,
  reviewAndApprove,
  SAMPLE_USERS as U,
  ServiceProcess,
  spawnService,
  Stack,
  StackService,
  STACK_SERVICES,
  startLocalJaeger,
  startStack,
} from '@lien-thong/testing';

jest.setTimeout(600_000);

type Json = Record<string, unknown>;

/** The citizen of this test: none of it may appear in clear in any service's log. */
const BUYER = {
  fullName: 'Phạm Minh Khang',
  citizenId: '001092011223',
  address: 'Số 5 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
};
const APPLICANT = { fullName: BUYER.fullName, phone: '0912345678', email: 'khang.pham@example.vn' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Operating the services: the orchestrator's probes, the operator's maintenance mode (shared
 * by every replica through the database) and the structured, masked logs, against the
 * whole system as processes, each writing its log to a file as well (LOG_FILE).
 */
describe('operations: probes, maintenance mode, masked logs, traces and metrics', () => {
  let stack: Stack;
  /** Where every service sends its spans (OpenTelemetry over OTLP), as a deployment would. */
  let jaeger: LocalJaeger;
  let replica: ServiceProcess | undefined;
  const logDir = mkdtempSync(join(tmpdir(), 'lien-thong-logs-'));
  const logFile = (name: string) => join(logDir, `${name}.log`);
  /** The dossier submitted before maintenance, and its seller's data from the cadastral book. */
  let code: string;
  let correlationId: string;
  let trackingSecret: string;
  let sellers: { citizenId: string; address: string }[] = [];

  async function call(url: string, method: string, path: string, headers = {}, body?: Json) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) as Json, headers: res.headers };
  }
  const lr = () => stack.url['land-registry'];

  async function transferRequest(parcelNumber: number): Promise<Json> {
    const parcel = (
      await call(lr(), 'GET', `/parcels/00004/12/${parcelNumber}`, await authAs(U.counterBaDinh))
    ).json() as { certificate: { serial: string }; owners: Json[] };
    const owners = parcel.owners.map((o) => ({
      fullName: o['fullName'],
      citizenId: o['citizenId'],
      address: o['address'],
      relationshipToBuyer: 'NONE',
      ownsOtherResidentialProperty: true,
    }));
    return {
      channel: 'COUNTER',
      resultDelivery: 'COUNTER',
      parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber },
      certificateSerial: parcel.certificate.serial,
      transferKind: 'SALE',
      contractDate: '2026-11-16',
      declaredPriceVnd: 3_000_000_000,
      sellers: owners,
      buyers: [BUYER],
      applicant: APPLICANT,
    };
  }

  const submit = async (url: string, request: Json) =>
    call(url, 'POST', '/dossiers/transfers', await authAs(U.counterBaDinh), request);

  const statusOf = async (dossier: string) =>
    (await call(lr(), 'GET', `/dossiers/${dossier}`, await authAs(U.counterBaDinh))).json()[
      'status'
    ];

  async function reach(dossier: string, status: string): Promise<void> {
    let last: unknown;
    await eventually(
      async () => ((last = await statusOf(dossier)) === status ? true : undefined),
      180_000,
      `${dossier} to reach ${status}`,
    ).catch((err: unknown) => {
      throw new Error(`${String(err)} (still ${String(last)})`);
    });
  }

  const maintenance = async (url: string, body: Json) =>
    call(url, 'PUT', '/admin/maintenance', await authAs(U.operator), body);

  const logLines = (name: string): Json[] =>
    readFileSync(logFile(name), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Json);

  beforeAll(async () => {
    jaeger = await startLocalJaeger();
    stack = await startStack({
      common: {
        RETRY_DELAYS_MS: '500,2000,5000',
        LOG_LEVEL: 'verbose',
        OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpEndpoint,
      },
      env: Object.fromEntries(
        STACK_SERVICES.map((s): [StackService, NodeJS.ProcessEnv] => [s, { LOG_FILE: logFile(s) }]),
      ),
    });
    const request = await transferRequest(101);
    sellers = (request['sellers'] as { citizenId: string; address: string }[]).map(
      ({ citizenId, address }) => ({ citizenId, address }),
    );
    const receipt = await submit(lr(), request);
    expect(receipt.status).toBe(201);
    code = receipt.json()['dossierCode'] as string;
    correlationId = receipt.headers.get('x-correlation-id') ?? '';
    trackingSecret = receipt.json()['trackingSecret'] as string;
    // The citizen tracks with the secret in the query string, which no log may keep.
    expect((await call(lr(), 'GET', `/tracking/${code}?secret=${trackingSecret}`)).status).toBe(
      200,
    );
    // Through the secured-transactions check and tax, the messages sent by SMS and e-mail.
    await reach(code, 'WAITING_FOR_PAYMENT');
  });
  afterAll(async () => {
    await replica?.stop();
    await stack?.stop();
    await jaeger?.stop();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('answers liveness and readiness probes with terminus reports of what each needs', async () => {
    for (const service of STACK_SERVICES) {
      const live = await call(stack.url[service], 'GET', '/health/live');
      expect({ service, status: live.status, body: live.json() }).toMatchObject({
        service,
        status: 200,
        body: { status: 'ok', details: { process: { status: 'up' } } },
      });
      const ready = await call(stack.url[service], 'GET', '/health/ready');
      expect({ service, status: ready.status, body: ready.json() }).toMatchObject({
        service,
        status: 200,
        body: {
          status: 'ok',
          details: { database: { status: 'up' }, kafka: { status: 'up' }, calendar: {} },
        },
      });
    }
    const ready = (await call(lr(), 'GET', '/health/ready')).json();
    expect(ready['details']).toMatchObject({ maintenance: { status: 'up', on: false } });
  });

  it('follows the dossier in one trace across every service it passed through, over Kafka', async () => {
    // The dossier's events carry its code as their key; the submission's trace holds the
    // citizen's request, each service's handling of the events and the calls they made.
    const tag = { 'messaging.kafka.message.key': code };
    const through = ['land-registry', 'secured-transactions', 'tax-obligation', 'notification'];
    const trace = await eventually(
      async () => {
        const traces = await findTraces(jaeger, 'land-registry', tag);
        return traces.find((t) => {
          const services = new Set(Object.values(t.processes).map((p) => p.serviceName));
          const submitted = t.spans.some((s) => s.operationName === 'POST /dossiers/transfers');
          return submitted && through.every((s) => services.has(s));
        });
      },
      60_000,
      `one trace of ${code} with spans from ${through.join(', ')}`,
    );
    const serviceOf = (s: { processID: string }) => trace.processes[s.processID].serviceName;
    const keyOf = (s: { tags: { key: string; value: unknown }[] }) =>
      s.tags.find((t) => t.key === 'messaging.kafka.message.key')?.value;
    // Each of the other services consumed this dossier's events inside that trace, and
    // its spans hang from the land registry's (no service started a trace of its own).
    for (const service of through.slice(1))
      expect(
        trace.spans.some(
          (s) =>
            serviceOf(s) === service && s.operationName.startsWith('process ') && keyOf(s) === code,
        ),
      ).toBe(true);
    const roots = trace.spans.filter((s) => !s.references.some((r) => r.refType === 'CHILD_OF'));
    expect(roots.map((s) => [serviceOf(s), s.operationName])).toEqual([
      ['land-registry', 'POST /dossiers/transfers'],
    ]);
    // MongoDB commands and the agencies' calls are in it too, and nothing personal is.
    const mongo = trace.spans.filter((s) =>
      s.tags.some((t) => t.key.startsWith('db.system') && t.value === 'mongodb'),
    );
    expect([...new Set(mongo.map(serviceOf))]).toEqual(expect.arrayContaining(through));
    expect(new Set(trace.spans.map(serviceOf))).toContain('agency-simulators');
    // The service's log lines of that dossier name the trace: from a line to its trace.
    expect(logLines('land-registry')).toContainEqual(
      expect.objectContaining({ dossierCode: code, traceId: trace.traceID }),
    );
    const text = JSON.stringify(trace);
    for (const secret of [BUYER.citizenId, BUYER.address, APPLICANT.phone, APPLICANT.email])
      expect({ leaks: text.includes(secret) ? secret : null }).toEqual({ leaks: null });
  });

  const metricsOf = async (service: StackService) =>
    (await call(stack.url[service], 'GET', '/metrics')).text;
  /** The sum of a metric's samples whose labels match. */
  const sample = (text: string, name: string, labels = /.*/): number =>
    text
      .split('\n')
      .filter((l) => l.startsWith(`${name}{`) && labels.test(l))
      .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);

  it('counts the dossier, its steps, the agency calls and the bus on /metrics', async () => {
    const lr = await metricsOf('land-registry');
    expect(
      sample(lr, 'lien_thong_dossiers_received_total', /unit="01\/CN-BADINH"/),
    ).toBeGreaterThanOrEqual(1);
    // It left the parcel check, the tax and the payment notice steps, each timed.
    expect(
      sample(lr, 'lien_thong_dossier_step_seconds_count', /step="CHECKING_PARCEL"/),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(lr, 'lien_thong_consumer_lag')).toBeGreaterThanOrEqual(0);
    expect(lr).toMatch(
      /^lien_thong_consumer_lag\{group="[^"]+",topic="[^"]+",partition="\d+"\} \d+$/m,
    );
    expect(lr).toMatch(/^lien_thong_outbox_backlog \d+$/m);
    expect(lr).toContain('# TYPE lien_thong_dead_letters_total counter');
    // The messages to the citizen went through the SMS and e-mail gateways, each call timed.
    const notification = await metricsOf('notification');
    expect(
      sample(notification, 'lien_thong_agency_call_seconds_count', /outcome="ok"/),
    ).toBeGreaterThanOrEqual(2);
    const secured = await metricsOf('secured-transactions');
    expect(
      sample(secured, 'lien_thong_agency_call_seconds_count', /agency="justice-registry"/),
    ).toBeGreaterThanOrEqual(1);
  });

  it('has a Grafana dashboard whose every query names a metric the services expose', async () => {
    const dashboard = JSON.parse(
      readFileSync(join(__dirname, '../../deploy/grafana/lien-thong.json'), 'utf8'),
    ) as { panels: { title: string; targets: { expr: string }[] }[] };
    const exposed = new Set(
      (await Promise.all(STACK_SERVICES.map(metricsOf)))
        .join('\n')
        .split('\n')
        .filter((l) => l.startsWith('# TYPE '))
        .map((l) => l.split(' ')[2]),
    );
    const names = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) =>
        (t.expr.match(/\b(lien_thong|agency|process|nodejs)_[a-z0-9_]+/g) ?? []).map((m) => ({
          panel: p.title,
          metric: m.replace(/_(bucket|count|sum)$/, ''),
        })),
      ),
    );
    expect(names.length).toBeGreaterThanOrEqual(dashboard.panels.length);
    for (const { panel, metric } of names)
      expect({ panel, metric, exposed: exposed.has(metric) }).toEqual({
        panel,
        metric,
        exposed: true,
      });
  });

  it('refuses new submissions in maintenance with a Vietnamese notice, on every replica, while work under way goes on', async () => {
    const noticeVi =
      'Hệ thống bảo trì đến 23 giờ. Hồ sơ đã nộp vẫn được xử lý, xin nộp hồ sơ mới sau.';
    const refused = await maintenance(lr(), { on: true, noticeVi });
    expect([refused.status, refused.json()]).toEqual([200, expect.objectContaining({ on: true })]);
    expect((await maintenance(lr(), { on: true })).status).toBe(200); // idempotent
    expect((await maintenance(lr(), { on: true, noticeVi })).status).toBe(200);
    // Shown in /health, which stays up, as readiness does: maintenance is not an outage.
    const health = await call(lr(), 'GET', '/health');
    expect([health.status, health.json()]).toEqual([
      200,
      expect.objectContaining({
        status: 'ok',
        maintenance: expect.objectContaining({ on: true, noticeVi }),
      }),
    ]);
    const ready = await call(lr(), 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.json()['details']).toMatchObject({ maintenance: { on: true } });

    const request = await transferRequest(102);
    const answer = await submit(lr(), request);
    expect([answer.status, answer.json()]).toEqual([
      503,
      expect.objectContaining({ code: 'SERVICE.MAINTENANCE', message: noticeVi }),
    ]);
    // In-flight work continues: the payment event is handled, an officer hands the result over.
    const view = (
      await call(lr(), 'GET', `/dossiers/${code}`, await authAs(U.counterBaDinh))
    ).json() as { assessment: { assessmentId: string } };
    const pay = await call(
      stack.url['agency-simulators'],
      'POST',
      `/admin/payments/orders/${encodeURIComponent(view.assessment.assessmentId)}/pay`,
      await authAs(U.operator),
      {},
    );
    expect(pay.status).toBe(200);
    await reach(code, 'IN_REVIEW');
    await reviewAndApprove(
      async (method, path, body, as) =>
        (await call(lr(), method, path, await authAs(as), body as Json | undefined)).json(),
      code,
      '01/CN-BADINH',
    );
    await reach(code, 'RESULT_READY');
    const handover = await call(
      lr(),
      'POST',
      `/dossiers/${code}/result-handover`,
      await authAs(U.counterBaDinh),
    );
    expect(handover.status).toBe(200);

    // A second replica of the land registry, on the same database, agrees at once.
    const first = stack.processes.get('land-registry');
    replica = await spawnService(
      'land-registry',
      { ...first?.env, LOG_FILE: logFile('land-registry-replica') },
      { quiet: true },
    );
    expect((await submit(replica.baseUrl, request)).status).toBe(503);

    // Switched off on the replica, the first instance takes dossiers again within a second.
    expect((await maintenance(replica.baseUrl, { on: false })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await submit(lr(), request)).status).toBe(201);
    expect((await call(lr(), 'GET', '/health')).json()['maintenance']).toEqual({ on: false });
  });

  it('only lets the operator switch maintenance', async () => {
    expect((await call(lr(), 'PUT', '/admin/maintenance', {}, { on: true })).status).toBe(401);
    const officer = await call(lr(), 'PUT', '/admin/maintenance', await authAs(U.counterBaDinh), {
      on: true,
    });
    expect(officer.status).toBe(403);
    const invalid = await maintenance(lr(), { on: 'yes' });
    expect(invalid.status).toBe(400);
  });

  it('logs JSON lines with service, correlation id, dossier and user, and an access line per request', () => {
    const lines = logLines('land-registry');
    for (const line of lines)
      expect(line).toMatchObject({
        level: expect.any(String),
        time: expect.any(String),
        service: 'land-registry',
      });
    const access = lines.find(
      (l) => l['route'] === '/dossiers/transfers' && l['dossierCode'] === code,
    );
    expect(access).toMatchObject({
      context: 'http',
      method: 'POST',
      status: 201,
      durationMs: expect.any(Number),
      correlationId,
      user: expect.stringMatching(UUID),
    });
    expect(lines).toContainEqual(
      expect.objectContaining({
        route: '/dossiers/:code',
        method: 'GET',
        dossierCode: code,
        status: 200,
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        route: '/tracking/:code',
        status: 200,
        msg: expect.not.stringContaining('?'),
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ route: '/dossiers/transfers', status: 503 }),
    );
    const simulator = logLines('agency-simulators');
    // The messages to the citizen went through the simulated gateways: route, never the body.
    expect(simulator).toContainEqual(
      expect.objectContaining({
        context: 'http',
        method: 'POST',
        route: expect.stringMatching(/^\/sms\//),
      }),
    );
  });

  it('writes none of the citizen’s ID, phone, e-mail or address in clear, in any service’s log', () => {
    const secrets = [
      BUYER.citizenId,
      BUYER.address,
      APPLICANT.phone,
      APPLICANT.email,
      trackingSecret,
      ...sellers.flatMap((s) => [s.citizenId, s.address]),
    ];
    const files = [...STACK_SERVICES, 'land-registry-replica'];
    let total = 0;
    for (const name of files) {
      const text = readFileSync(logFile(name), 'utf8');
      total += text.length;
      for (const secret of secrets)
        expect({ file: name, leaks: text.includes(secret) ? secret : null }).toEqual({
          file: name,
          leaks: null,
        });
    }
    expect(total).toBeGreaterThan(10_000); // verbose logs of five services were read
  });
});

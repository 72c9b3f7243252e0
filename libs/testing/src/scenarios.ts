import { eventually } from '@lien-thong/test-infra';
import type { Stack } from './stack';
import { authAs, SAMPLE_USERS } from './sample-users';
import { reviewAndApprove } from './land-office';
import { INTAKE_PATHS, procedureRequest, ScenarioProcedure } from './procedure-requests';

/** One scripted citizen: which parcel, what kind of transfer, and how they pay. */
export interface Scenario {
  name: string;
  /** The procedure; a transfer when absent. */
  procedure?: ScenarioProcedure;
  /** A house registration: whether the construction department will confirm the work. */
  conforming?: boolean;
  parcel: [communeCode: string, mapSheetNumber: number, parcelNumber: number];
  declaredPriceVnd?: number;
  transferKind?: 'SALE' | 'GIFT' | 'INHERITANCE' | 'DIVORCE_DIVISION';
  relationshipToBuyer?: string;
  /** 'ON_TIME', 'LATE' (after the notice's deadline), or 'NEVER'. */
  payment: 'ON_TIME' | 'LATE' | 'NEVER';
  /** A hold arrives at the Justice registry while the citizen is paying. */
  holdWhilePaying?: boolean;
  /**
   * A hold is placed on the parcel at the Justice registry and lifted again before the
   * dossier is submitted (chaos run): a lifted hold refuses nobody.
   */
  holdLiftedBeforeSubmission?: boolean;
  /**
   * What people decide on the way (chaos run): the leader sends the proposal back once, the
   * officer refuses after the citizen paid (a refund is due), or the applicant withdraws
   * once the tax notice is out (the notices are voided; such citizens do not pay).
   */
  lifecycle?: 'SEND_BACK' | 'REFUSE_AFTER_PAYMENT' | 'WITHDRAW';
}

export interface ScenarioResult {
  scenario: string;
  procedure: ScenarioProcedure;
  dossierCode: string;
  status: string;
  refusalCode: string | null;
  obligations: { code: string; labelVi: string; amountVnd: number; exemptionVi?: string }[];
  totalVnd: number;
  late: boolean;
  workingDays: { used: number; allowed: number };
  notifications: number;
  templates: string[];
}

/** The demo's citizens (issue: a sale above and below the table price, parent to child, mortgage, hold, late payment). */
export const DEMO_SCENARIOS: Scenario[] = [
  {
    name: 'sale above the table price',
    parcel: ['00004', 12, 102],
    declaredPriceVnd: 5_000_000_000,
    payment: 'ON_TIME',
  },
  {
    name: 'sale below the table price',
    parcel: ['00004', 12, 103],
    declaredPriceVnd: 1_000_000_000,
    payment: 'ON_TIME',
  },
  {
    name: 'parent-to-child sale',
    parcel: ['00004', 12, 104],
    declaredPriceVnd: 2_500_000_000,
    relationshipToBuyer: 'PARENT_CHILD',
    payment: 'ON_TIME',
  },
  {
    name: 'parcel with an active mortgage',
    parcel: ['00004', 12, 111],
    declaredPriceVnd: 4_000_000_000,
    payment: 'ON_TIME',
  },
  {
    name: 'hold placed mid-process',
    parcel: ['00004', 12, 107],
    declaredPriceVnd: 6_000_000_000,
    payment: 'ON_TIME',
    holdWhilePaying: true,
  },
  {
    name: 'citizen pays late',
    parcel: ['00004', 12, 108],
    declaredPriceVnd: 3_500_000_000,
    payment: 'LATE',
  },
  {
    name: 'remote commune',
    parcel: ['09904', 31, 205],
    declaredPriceVnd: 900_000_000,
    payment: 'ON_TIME',
  },
  {
    name: 'inheritance by a child and an unrelated heir',
    procedure: 'INHERITANCE',
    parcel: ['00004', 12, 118],
    payment: 'ON_TIME',
  },
  {
    name: 'mortgage to a bank',
    procedure: 'MORTGAGE',
    parcel: ['00004', 12, 114],
    payment: 'ON_TIME',
  },
  {
    name: 'mortgage registered, then released',
    procedure: 'MORTGAGE_RELEASE',
    parcel: ['00004', 12, 115],
    payment: 'ON_TIME',
  },
  {
    name: 'garden land to residential (Ba Vì)',
    procedure: 'PURPOSE_CHANGE',
    parcel: ['09904', 31, 211],
    payment: 'ON_TIME',
  },
  {
    name: 'annual-crop land to residential (Long Xuyên)',
    procedure: 'PURPOSE_CHANGE',
    parcel: ['30280', 8, 15],
    payment: 'ON_TIME',
  },
  {
    name: 'house confirmed by the construction department',
    procedure: 'HOUSE_REGISTRATION',
    parcel: ['00004', 12, 116],
    payment: 'ON_TIME',
  },
  {
    name: 'house not conforming to its permit',
    procedure: 'HOUSE_REGISTRATION',
    conforming: false,
    parcel: ['00004', 12, 117],
    payment: 'ON_TIME',
  },
];

const FINAL = ['RESULT_READY', 'DONE', 'REFUSED'];
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Who plays each part: the Hà Nội office's counter officer receives (province-wide, so both
 * the Ba Đình and the Ba Vì branches' parcels), the operator drives the agency simulators,
 * and a sample citizen submits the online dossiers (as the buyer).
 */
const COUNTER = SAMPLE_USERS.counterHaNoi;
const OPERATOR = SAMPLE_USERS.operator;
const ONLINE_BUYER = { citizenId: '001170100001', fullName: 'Trần Thị Bình' };

/** The sample communes of An Giang (province 91); the others are Hà Nội's (01). */
const AN_GIANG_COMMUNES = ['30280', '31150', '30568', '31570'];

/** The counter officer of the province a commune lies in (officers see their province only). */
export function counterOf(communeCode: string): string {
  return AN_GIANG_COMMUNES.includes(communeCode) ? SAMPLE_USERS.counterAnGiang : COUNTER;
}

/** Who submits a request: the counter of the parcel's province, or the citizen online. */
export function submitterOf(request: Json): string {
  if (request.channel === 'ONLINE') return SAMPLE_USERS.citizenBinh;
  return counterOf((request.parcel as Json).communeCode as string);
}

/** A service's API called as a sample user: the JSON answer, or an error naming the status. */
export async function callAs(
  method: string,
  url: string,
  as: string,
  body?: unknown,
): Promise<Json> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(await authAs(as)) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => ({}))) as Json;
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

function http(method: string, url: string, body?: unknown, as: string = COUNTER): Promise<Json> {
  return callAs(method, url, as, body);
}

async function waitForStatus(
  stack: Stack,
  code: string,
  statuses: string[],
  timeoutMs: number,
  as: string = COUNTER,
): Promise<Json> {
  return eventually(
    async () => {
      const view = await http(
        'GET',
        `${stack.url['land-registry']}/dossiers/${code}`,
        undefined,
        as,
      );
      return statuses.includes(view.status as string) ? view : undefined;
    },
    timeoutMs,
    `dossier ${code} to reach ${statuses.join(' or ')}`,
  );
}

/** Builds the request a counter officer would enter for this scenario, from the cadastral book. */
export async function transferRequestFor(stack: Stack, s: Scenario, buyerIndex = 0): Promise<Json> {
  const [communeCode, sheet, number] = s.parcel;
  const parcel = await http(
    'GET',
    `${stack.url['land-registry']}/parcels/${communeCode}/${sheet}/${number}`,
  );
  const owners = parcel.owners as Json[];
  return {
    channel: buyerIndex % 2 === 0 ? 'COUNTER' : 'ONLINE',
    resultDelivery: 'COUNTER',
    parcel: parcel.ref,
    certificateSerial: parcel.certificate.serial,
    transferKind: s.transferKind ?? 'SALE',
    contractDate: '2026-11-16',
    ...(s.declaredPriceVnd !== undefined ? { declaredPriceVnd: s.declaredPriceVnd } : {}),
    sellers: owners.map((o) => ({
      fullName: o.fullName,
      citizenId: o.citizenId,
      address: o.address,
      relationshipToBuyer: s.relationshipToBuyer ?? 'NONE',
      ownsOtherResidentialProperty: true,
    })),
    buyers: [
      {
        // Online, the buyer submits: a sample citizen who can log in.
        ...(buyerIndex % 2 === 0
          ? {
              fullName: 'Phạm Minh Khang',
              citizenId: `0010920${String(11223 + buyerIndex).padStart(5, '0')}`,
            }
          : ONLINE_BUYER),
        address: 'Số 5 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
      },
    ],
    applicant: {
      fullName: 'Phạm Minh Khang',
      phone: `09${String(12345678 + buyerIndex).padStart(8, '0')}`,
      email: `khang${buyerIndex}@example.vn`,
    },
  };
}

/** The land office reviews and its leader approves: only then is the change registered. */
async function approveAndWait(stack: Stack, code: string, view: Json, timeoutMs: number) {
  const lr = stack.url['land-registry'];
  await reviewAndApprove(
    (method, path, body, as) => http(method, `${lr}${path}`, body, as),
    code,
    view.unit as string,
  );
  return waitForStatus(stack, code, FINAL, timeoutMs, counterOf(view.parcel.ref.communeCode));
}

/**
 * The scenario's request: a transfer from transferRequestFor, the other procedures from their
 * factories; a release first has the mortgage it frees registered (and in the book).
 */
async function requestFor(stack: Stack, s: Scenario, index: number, timeoutMs: number) {
  const procedure = s.procedure ?? 'TRANSFER';
  if (procedure === 'TRANSFER') return transferRequestFor(stack, s, index);
  const lr = stack.url['land-registry'];
  const path = `${lr}/parcels/${s.parcel.join('/')}`;
  const viewer = counterOf(s.parcel[0]);
  const parcel = await http('GET', path, undefined, viewer);
  if (procedure !== 'MORTGAGE_RELEASE')
    return procedureRequest(procedure, parcel, index, { conforming: s.conforming ?? true });
  const mortgage = procedureRequest('MORTGAGE', parcel, index);
  const first = await http(
    'POST',
    `${lr}${INTAKE_PATHS.MORTGAGE}`,
    mortgage,
    submitterOf(mortgage),
  );
  const code = first.dossierCode as string;
  const queued = await waitForStatus(stack, code, ['IN_REVIEW'], timeoutMs, viewer);
  await approveAndWait(stack, code, queued, timeoutMs);
  const mortgageNumber = `TC-${code}`;
  await eventually(
    async () =>
      ((await http('GET', path, undefined, viewer)).mortgages as Json[] | undefined)?.some(
        (m) => m.registrationNumber === mortgageNumber,
      ) || undefined,
    timeoutMs,
    `the mortgage of ${code} in the cadastral book`,
  );
  return procedureRequest('MORTGAGE_RELEASE', parcel, index, { mortgageNumber });
}

/** Plays one citizen end to end through the public API and the simulators; returns what happened. */
export async function runScenario(
  stack: Stack,
  s: Scenario,
  buyerIndex = 0,
  timeoutMs = 120_000,
): Promise<ScenarioResult> {
  const lr = stack.url['land-registry'];
  const sim = stack.url['agency-simulators'];
  const procedure = s.procedure ?? 'TRANSFER';
  const request = await requestFor(stack, s, buyerIndex, timeoutMs);
  const submitted = await http(
    'POST',
    `${lr}${INTAKE_PATHS[procedure]}`,
    request,
    submitterOf(request),
  );
  const code = submitted.dossierCode as string;
  const viewer = counterOf(s.parcel[0]);
  let view = await waitForStatus(
    stack,
    code,
    ['WAITING_FOR_PAYMENT', 'IN_REVIEW', ...FINAL],
    timeoutMs,
    viewer,
  );
  if (view.status === 'IN_REVIEW') {
    // No obligations (a mortgage): straight to the land office.
    view = await approveAndWait(stack, code, view, timeoutMs);
  } else if (view.status === 'WAITING_FOR_PAYMENT') {
    if (s.holdWhilePaying) {
      const [communeCode, mapSheetNumber, parcelNumber] = s.parcel;
      await http(
        'POST',
        `${sim}/admin/justice/holds`,
        {
          parcel: { communeCode, mapSheetNumber, parcelNumber },
          hold: {
            authority: 'Cơ quan Cảnh sát điều tra Công an Thành phố Hà Nội',
            documentNumber: `QĐ-${code}`,
            issuedOn: '2026-11-20',
            reason: 'Tạm dừng giao dịch để phục vụ điều tra',
          },
        },
        OPERATOR,
      );
    }
    if (s.payment !== 'NEVER') {
      const notices = view.assessment.notices as { dueDate: string }[];
      const latest =
        notices
          .map((n) => n.dueDate)
          .sort()
          .pop() ?? '2026-12-31';
      const paidAt =
        s.payment === 'LATE'
          ? new Date(Date.parse(`${latest}T10:00:00+07:00`) + 3 * 86_400_000).toISOString()
          : undefined;
      await http(
        'POST',
        `${sim}/admin/payments/orders/${encodeURIComponent(view.assessment.assessmentId as string)}/pay`,
        paidAt ? { paidAt } : {},
        OPERATOR,
      );
      view = await waitForStatus(stack, code, ['IN_REVIEW', ...FINAL], timeoutMs, viewer);
      if (view.status === 'IN_REVIEW') view = await approveAndWait(stack, code, view, timeoutMs);
    }
  }
  const finalTemplate =
    view.status === 'REFUSED'
      ? 'DOSSIER_REFUSED'
      : view.status === 'WAITING_FOR_PAYMENT'
        ? 'TAX_NOTICE'
        : 'RESULT_READY';
  view = await eventually(
    async () => {
      const v = await http('GET', `${lr}/dossiers/${code}`, undefined, viewer);
      return (v.notifications as { template: string }[]).some((n) => n.template === finalTemplate)
        ? v
        : undefined;
    },
    timeoutMs,
    `the citizen of ${code} to be told (${finalTemplate})`,
  );
  const notices = (view.assessment?.notices ?? []) as ScenarioResult['obligations'];
  return {
    scenario: s.name,
    procedure,
    dossierCode: code,
    status: view.status as string,
    refusalCode: (view.refusal?.code as string | undefined) ?? null,
    obligations: notices.map((n) => ({
      code: n.code,
      labelVi: n.labelVi,
      amountVnd: n.amountVnd,
      ...(n.exemptionVi ? { exemptionVi: n.exemptionVi } : {}),
    })),
    totalVnd: (view.assessment?.totalVnd as number | undefined) ?? 0,
    late: Boolean(view.payment?.late),
    workingDays: {
      used: view.workingDays.used as number,
      allowed: view.workingDays.allowed as number,
    },
    notifications: (view.notifications as unknown[]).length,
    templates: [...new Set((view.notifications as { template: string }[]).map((n) => n.template))],
  };
}

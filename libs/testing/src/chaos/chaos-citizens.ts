import type { Stack } from '../stack';
import { submitterOf, transferRequestFor } from '../scenarios';
import { INTAKE_PATHS, procedureRequest } from '../procedure-requests';
import { ChaosCitizen, isHouseRegistration, sharesParcel } from './chaos-scenarios';
import type { ChaosDatabases } from './chaos-databases';
import { asCounter, asOperator, request, requestUntilAnswered } from './chaos-http';
import { authAs } from '../sample-users';

/** What became of one citizen's submission. */
export interface Submission {
  citizen: ChaosCitizen;
  idempotencyKey: string;
  dossierCode?: string;
  /** HTTP answers that were not a receipt (network errors and 5xx are retried, not listed). */
  rejected?: { status: number; code: unknown };
  /** Times the same request was answered 200 (an earlier try had created it). */
  replayed: boolean;
  submittedAt?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the counter enters, from the cadastral book's record of the parcel: a transfer, or a
 * house registration (the house and its permit; `SAI` in the permit for a non-conforming one).
 */
async function requestOf(stack: Stack, citizen: ChaosCitizen): Promise<Record<string, unknown>> {
  const { scenario, index } = citizen;
  if (!isHouseRegistration(scenario)) return transferRequestFor(stack, scenario, index);
  const parcel = await request(
    'GET',
    `${stack.url['land-registry']}/parcels/${scenario.parcel.join('/')}`,
    undefined,
    await asCounter(),
  );
  if (parcel.status !== 200) throw new Error(`parcel: HTTP ${parcel.status}`);
  return procedureRequest('HOUSE_REGISTRATION', parcel.body, index, {
    conforming: scenario.conforming ?? true,
  });
}

/**
 * Submits one dossier like a counter officer whose connection may drop: the request is
 * retried with the same Idempotency-Key until the land registry answers, so a crash
 * mid-request must give one dossier, never none and never two.
 */
export async function submit(
  stack: Stack,
  citizen: ChaosCitizen,
  runId: string,
): Promise<Submission> {
  const lr = () => stack.url['land-registry'];
  const idempotencyKey = `chaos-${runId}-${citizen.index}`;
  const result: Submission = { citizen, idempotencyKey, replayed: false };
  if (citizen.scenario.holdLiftedBeforeSubmission) await placeAndLiftHold(stack, citizen, runId);
  // The counter looks the parcel up in the cadastral book (again while the registry restarts).
  let body: Record<string, unknown> | undefined;
  for (let attempt = 1; !body; attempt++) {
    try {
      body = await requestOf(stack, citizen);
    } catch (err) {
      if (attempt > 100) throw err;
      await sleep(1_000);
    }
  }
  const path = INTAKE_PATHS[citizen.scenario.procedure ?? 'TRANSFER'];
  const post = async () =>
    requestUntilAnswered('POST', `${lr()}${path}`, body, {
      'idempotency-key': idempotencyKey,
      ...(await authAs(submitterOf(body))),
    });
  let answer = await post();
  // A shared parcel takes one unfinished dossier at a time: wait for the one before to be
  // refused at receipt, as the citizen told so at the counter would come back.
  for (const deadline = Date.now() + 600_000; isParcelTaken(answer) && sharesParcel(citizen);) {
    if (Date.now() > deadline) break;
    await sleep(2_000);
    answer = await post();
  }
  if (answer.status === 201 || answer.status === 200) {
    result.dossierCode = answer.body.dossierCode as string;
    result.replayed = answer.status === 200;
    result.submittedAt = Date.now();
  } else {
    result.rejected = { status: answer.status, code: answer.body.code };
  }
  return result;
}

/**
 * A court places a hold on the citizen's parcel at the Justice registry and lifts it again,
 * moments before the citizen comes to the counter: the dossier must go through as if there
 * had never been one. Both calls are retried until answered (the simulators may restart); a
 * lift that finds no hold (404) after a placement that was answered means an earlier try,
 * whose answer was lost, lifted it.
 */
async function placeAndLiftHold(stack: Stack, citizen: ChaosCitizen, runId: string) {
  const sim = () => stack.url['agency-simulators'];
  const [communeCode, mapSheetNumber, parcelNumber] = citizen.scenario.parcel;
  const placed = await requestUntilAnswered(
    'POST',
    `${sim()}/admin/justice/holds`,
    {
      parcel: { communeCode, mapSheetNumber, parcelNumber },
      hold: {
        authority: 'Tòa án nhân dân Thành phố Hà Nội',
        documentNumber: `QĐ-BPKCTT-${runId}-${citizen.index}`,
        issuedOn: '2026-11-10',
        reason: 'Áp dụng biện pháp khẩn cấp tạm thời trong vụ án dân sự',
      },
    },
    await asOperator(),
  );
  if (placed.status >= 300) throw new Error(`hold: HTTP ${placed.status}`);
  const lifted = await requestUntilAnswered(
    'DELETE',
    `${sim()}/admin/justice/holds/${communeCode}/${mapSheetNumber}/${parcelNumber}`,
    undefined,
    await asOperator(),
  );
  if (lifted.status >= 300 && lifted.status !== 404) throw new Error(`lift: HTTP ${lifted.status}`);
}

const isParcelTaken = (answer: { status: number; body: Record<string, unknown> }) =>
  answer.status === 409 && answer.body.code === 'DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER';

interface WaitingDossier {
  _id: string;
  status: string;
  assessment?: { assessmentId: string; notices: { dueDate: string }[] } | null;
}

/**
 * Plays every citizen's part once their tax notice arrives: pays on time, pays late (after
 * the notice's deadline), or not at all; and, for the "hold while paying" citizens, a court
 * places a hold at the Justice registry just before the payment.
 */
export class CitizenDriver {
  private readonly acted = new Set<string>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly stack: Stack,
    private readonly databases: ChaosDatabases,
    private readonly citizens: Map<string, ChaosCitizen>,
  ) {}

  get paid(): number {
    return this.acted.size;
  }

  async tick(): Promise<void> {
    const waiting = await this.databases.find<WaitingDossier>(
      'land-registry',
      'dossiers',
      { status: 'WAITING_FOR_PAYMENT' },
      { _id: 1, status: 1, assessment: 1 },
    );
    const due = waiting.filter((d) => {
      const c = this.citizens.get(d._id);
      return c && c.scenario.payment !== 'NEVER' && !this.acted.has(d._id) && !this.busy.has(d._id);
    });
    await Promise.all(due.map((d) => this.act(d)));
  }

  private async act(d: WaitingDossier): Promise<void> {
    const citizen = this.citizens.get(d._id);
    if (!citizen || !d.assessment) return;
    this.busy.add(d._id);
    const sim = this.stack.url['agency-simulators'];
    try {
      if (citizen.scenario.holdWhilePaying) {
        const [communeCode, mapSheetNumber, parcelNumber] = citizen.scenario.parcel;
        const placed = await request(
          'POST',
          `${sim}/admin/justice/holds`,
          {
            parcel: { communeCode, mapSheetNumber, parcelNumber },
            hold: {
              authority: 'Cơ quan Cảnh sát điều tra Công an Thành phố Hà Nội',
              documentNumber: `QĐ-${d._id}`,
              issuedOn: '2026-11-20',
              reason: 'Tạm dừng giao dịch để phục vụ điều tra',
            },
          },
          await asOperator(),
        );
        if (placed.status >= 300) throw new Error(`hold: HTTP ${placed.status}`);
      }
      const latest =
        d.assessment.notices
          .map((n) => n.dueDate)
          .sort()
          .pop() ?? '2026-12-31';
      const paidAt =
        citizen.scenario.payment === 'LATE'
          ? new Date(Date.parse(`${latest}T10:00:00+07:00`) + 3 * 86_400_000).toISOString()
          : undefined;
      const paid = await request(
        'POST',
        `${sim}/admin/payments/orders/${encodeURIComponent(d.assessment.assessmentId)}/pay`,
        paidAt ? { paidAt } : {},
        await asOperator(),
      );
      if (paid.status >= 300) throw new Error(`pay: HTTP ${paid.status}`);
      this.acted.add(d._id);
    } catch {
      // tried again on the next tick
    } finally {
      this.busy.delete(d._id);
    }
  }
}

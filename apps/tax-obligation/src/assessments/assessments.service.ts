import { Inject, Injectable, Logger } from '@nestjs/common';
import { vietnamDateOf } from '@lien-thong/calendar';
import { EventEnvelope, PaymentNoticeV1, SlipProblemV1, Topics } from '@lien-thong/contracts';
import { EventFactory, OutboxEntry, PermanentEventError } from '@lien-thong/messaging';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import { AgencyRejectedError } from '@lien-thong/resilience';
import { PaymentGatewayClient } from '../agencies/payment-gateway.client';
import { ClosuresService } from '../compensation/closures.service';
import { CompensationService } from '../compensation/compensation.service';
import { publicUrl, TaxObligationConfig } from '../config/tax-obligation.config';
import { AssessmentsRepository } from './assessments.repository';
import { planFilings } from './filings';
import { toVnd } from './money';
import { SettledPayment, TaxAssessment } from './schemas/tax-assessment.schema';
import { accessOf, Slip, SlipPayload } from './slip';
import { evaluateSlip } from './slip-evaluation';
import { decideRevision } from './slip-revisions';
import { SlipProblemCode } from './slip-problems';
import { toStoredLine } from './stored-line';
import { TaxFilingService } from './tax-filing.service';

/** One assessment per revision of a dossier's slip; also the payment order id. */
export function assessmentId(dossierCode: string, slipRevision: number): string {
  return `${dossierCode}:R${slipRevision}`;
}

/** The gateway's callback path on this service (see PaymentsController). */
export const PAYMENT_CALLBACK_PATH = '/payments/callback';

/**
 * Determines the obligations of a slip, whatever its kind (transfer or inheritance, change
 * of purpose, house registration): computes them with the rules library,
 * files them with e-tax for notice numbers, opens one payment order for what is owed, then
 * stores everything with its events in one insert. Filing and order are idempotent by
 * their ids, so redoing them after a crash is harmless; the insert is the commit point.
 * A corrected slip (a higher revision) supersedes an unpaid assessment; a closed dossier
 * gets no assessment. A dossier's slip revisions are one sequence whatever the slip's kind.
 */
@Injectable()
export class AssessmentsService {
  private readonly logger = new Logger(AssessmentsService.name);

  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly filing: TaxFilingService,
    private readonly gateway: PaymentGatewayClient,
    private readonly events: EventFactory,
    private readonly closures: ClosuresService,
    private readonly compensation: CompensationService,
    @Inject(SERVICE_CONFIG) private readonly config: TaxObligationConfig,
  ) {}

  async assess(received: Slip, event: EventEnvelope<SlipPayload>): Promise<void> {
    const slip = received.payload;
    const id = assessmentId(slip.dossierCode, slip.slipRevision);
    // Both reads at once: the second is wasted only for a closed dossier, which is rare.
    const [closed, revisions] = await Promise.all([
      this.closures.closureOf(slip.dossierCode),
      this.assessments.revisionsOf(slip.dossierCode),
    ]);
    if (closed) {
      this.logger.warn(`${id} is for a closed dossier; nothing is assessed`);
      return;
    }
    const decision = decideRevision(revisions, slip.slipRevision);
    switch (decision.kind) {
      case 'REPEAT':
        return this.assessments.publishPending(id);
      case 'STALE':
        this.logger.warn(`${id} arrived after a later revision; nothing to do`);
        return;
      case 'PAID':
        return this.returnSlip(received, event, [alreadyPaid(decision.standing)]);
      case 'ASSESS':
        await this.supersede(event, decision.supersede, decision.finish);
        break;
    }

    const noticeIssuedOn = vietnamDateOf(new Date());
    const evaluation = evaluateSlip(received, noticeIssuedOn);
    if (evaluation.kind === 'INCOMPLETE')
      return this.returnSlip(received, event, evaluation.problems);
    const { assessment } = evaluation;
    const plans = planFilings(slip.dossierCode, slip.slipRevision, assessment, noticeIssuedOn);
    const filed = await this.filing.file(plans);
    if (filed.kind === 'REFUSED') return this.returnSlip(received, event, filed.problems);

    const totalVnd = toVnd(assessment.totalVnd);
    const payUrl =
      totalVnd > 0
        ? await this.openOrder(id, slip.dossierCode, filed.notices, totalVnd)
        : undefined;
    const assessed = this.events.create(Topics.ObligationsAssessed, slip.dossierCode, {
      dossierCode: slip.dossierCode,
      assessmentId: id,
      slipRevision: slip.slipRevision,
      notices: filed.notices,
      totalVnd,
      ...(payUrl ? { payUrl } : {}),
    });
    const outbox: OutboxEntry[] = [assessed];
    let payment: SettledPayment | undefined;
    if (totalVnd === 0) {
      // Nothing owed (every line exempt): settled at once, with no payment order to pay.
      const paidAt = new Date();
      payment = {
        transactionId: 'EXEMPT',
        amountVnd: 0,
        paidAt: paidAt.toISOString(),
        late: false,
        recordedAt: paidAt,
      };
      outbox.push(
        this.events.create(Topics.ObligationsPaid, slip.dossierCode, {
          dossierCode: slip.dossierCode,
          assessmentId: id,
          amountVnd: 0,
          paidAt: payment.paidAt,
          transactionId: payment.transactionId,
          late: false,
        }),
      );
    }
    await this.assessments.create(
      {
        _id: id,
        dossierCode: slip.dossierCode,
        slipRevision: slip.slipRevision,
        slipKind: received.kind,
        status: payment ? 'PAID' : 'ASSESSED',
        correlationId: event.correlationId,
        ...accessOf(received),
        problems: [],
        noticeIssuedOn,
        lines: assessment.lines.map(toStoredLine),
        notices: filed.notices,
        totalVnd,
        filingIds: plans.map((plan) => plan.request.filingId),
        ...(payUrl ? { payUrl } : {}),
        assessedEventId: assessed.eventId,
        ...(payment ? { payment } : {}),
      },
      outbox,
    );
    // The dossier may have closed while this slip was being assessed.
    const closure = await this.closures.closureOf(slip.dossierCode);
    if (closure) await this.closures.compensateAll(slip.dossierCode, closure, event.eventId);
  }

  /**
   * A corrected slip replaces the unpaid assessments before it: their notices are voided and
   * their order cancelled (or refunded, if the citizen paid it meanwhile) before the new
   * notices are issued, so that the citizen is never asked to pay both. If an agency is down,
   * this throws: the slip waits (the breaker defers it) and the sweep keeps trying.
   */
  private async supersede(
    event: EventEnvelope<SlipPayload>,
    supersede: string[],
    finish: string[],
  ): Promise<void> {
    for (const id of supersede) {
      const marked = await this.assessments.requestCompensation(id, 'SUPERSEDED', event.eventId, [
        'ASSESSED',
      ]);
      // Paid meanwhile: handled again from the start, where a paid assessment stands.
      if (!marked && (await this.assessments.findById(id))?.status === 'PAID')
        throw new Error(`${id} was paid while a new slip revision was being assessed; retrying`);
    }
    for (const id of [...supersede, ...finish]) await this.compensation.run(id);
  }

  /** Latest revision first, for officers. */
  revisionsOf(dossierCode: string): Promise<TaxAssessment[]> {
    return this.assessments.revisionsOf(dossierCode);
  }

  /** Opens (or, on a retry, finds) the payment order for everything owed. */
  private async openOrder(
    orderId: string,
    dossierCode: string,
    notices: PaymentNoticeV1[],
    amountVnd: number,
  ): Promise<string> {
    try {
      const order = await this.gateway.createOrder({
        orderId,
        dossierCode,
        noticeNumbers: notices.filter((n) => n.amountVnd > 0).map((n) => n.noticeNumber),
        amountVnd,
        callbackUrl: `${publicUrl(this.config)}${PAYMENT_CALLBACK_PATH}`,
      });
      return order.payUrl;
    } catch (error) {
      if (!(error instanceof AgencyRejectedError)) throw error;
      throw new PermanentEventError(
        'PAYMENT_GATEWAY.REJECTED',
        `the payment gateway refused order ${orderId} with HTTP ${error.status}`,
      );
    }
  }

  /**
   * The slip goes back to the land office for correction, with every problem found, on
   * TransferSlipReturned whatever the slip's kind (the land office knows its dossier).
   */
  private async returnSlip(
    slip: Slip,
    event: EventEnvelope<SlipPayload>,
    problems: SlipProblemV1[],
  ): Promise<void> {
    const { dossierCode, slipRevision } = slip.payload;
    const returned = this.events.create(Topics.TransferSlipReturned, dossierCode, {
      dossierCode,
      slipRevision,
      problems,
    });
    await this.assessments.create(
      {
        _id: assessmentId(dossierCode, slipRevision),
        dossierCode,
        slipRevision,
        slipKind: slip.kind,
        status: 'RETURNED',
        correlationId: event.correlationId,
        ...accessOf(slip),
        problems,
        lines: [],
        notices: [],
        filingIds: [],
      },
      [returned],
    );
  }
}

/** Paid obligations stand: a new slip cannot charge the dossier again. */
function alreadyPaid(standing: Pick<TaxAssessment, 'slipRevision'>): SlipProblemV1 {
  return {
    field: 'slipRevision',
    code: SlipProblemCode.ALREADY_ASSESSED,
    messageVi: `Nghĩa vụ tài chính của hồ sơ đã được xác định theo phiếu lần ${standing.slipRevision} và đã được nộp; phiếu mới không được xác định lại`,
  };
}

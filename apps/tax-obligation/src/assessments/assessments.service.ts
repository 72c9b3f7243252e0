import { Inject, Injectable, Logger } from '@nestjs/common';
import { vietnamDateOf } from '@lien-thong/calendar';
import {
  EventEnvelope,
  PaymentNoticeV1,
  SlipProblemV1,
  Topics,
  TransferSlipSentV1,
} from '@lien-thong/contracts';
import { EventFactory, OutboxEntry, PermanentEventError } from '@lien-thong/messaging';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import { AgencyRejectedError } from '@lien-thong/resilience';
import { PaymentGatewayClient } from '../agencies/payment-gateway.client';
import { publicUrl, TaxObligationConfig } from '../config/tax-obligation.config';
import { AssessmentsRepository } from './assessments.repository';
import { planFilings } from './filings';
import { toVnd } from './money';
import { SettledPayment, TaxAssessment } from './schemas/tax-assessment.schema';
import { evaluateSlip } from './slip-evaluation';
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
 * Determines the obligations of a transfer slip: computes them with the rules library,
 * files them with e-tax for notice numbers, opens one payment order for what is owed, then
 * stores everything with its events in one insert. Filing and order are idempotent by
 * their ids, so redoing them after a crash is harmless; the insert is the commit point.
 */
@Injectable()
export class AssessmentsService {
  private readonly logger = new Logger(AssessmentsService.name);

  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly filing: TaxFilingService,
    private readonly gateway: PaymentGatewayClient,
    private readonly events: EventFactory,
    @Inject(SERVICE_CONFIG) private readonly config: TaxObligationConfig,
  ) {}

  async assess(event: EventEnvelope<TransferSlipSentV1>): Promise<void> {
    const slip = event.payload;
    const id = assessmentId(slip.dossierCode, slip.slipRevision);
    const revisions = await this.assessments.revisionsOf(slip.dossierCode);
    if (revisions.some((r) => r._id === id)) return this.assessments.publishPending(id);
    if (revisions.some((r) => r.slipRevision > slip.slipRevision)) {
      this.logger.warn(`${id} arrived after a later revision; nothing to do`);
      return;
    }
    const standing = revisions.find((r) => r.status !== 'RETURNED');
    if (standing) return this.returnSlip(event, [alreadyAssessed(standing)]);

    const noticeIssuedOn = vietnamDateOf(new Date());
    const evaluation = evaluateSlip(slip, noticeIssuedOn);
    if (evaluation.kind === 'INCOMPLETE') return this.returnSlip(event, evaluation.problems);
    const { assessment } = evaluation;
    const plans = planFilings(slip.dossierCode, slip.slipRevision, assessment, noticeIssuedOn);
    const filed = await this.filing.file(plans);
    if (filed.kind === 'REFUSED') return this.returnSlip(event, filed.problems);

    const totalVnd = toVnd(assessment.totalVnd);
    const payUrl =
      totalVnd > 0 ? await this.openOrder(id, slip, filed.notices, totalVnd) : undefined;
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
        status: payment ? 'PAID' : 'ASSESSED',
        correlationId: event.correlationId,
        ...accessOf(slip),
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
  }

  /** Latest revision first, for officers. */
  revisionsOf(dossierCode: string): Promise<TaxAssessment[]> {
    return this.assessments.revisionsOf(dossierCode);
  }

  /** Opens (or, on a retry, finds) the payment order for everything owed. */
  private async openOrder(
    orderId: string,
    slip: TransferSlipSentV1,
    notices: PaymentNoticeV1[],
    amountVnd: number,
  ): Promise<string> {
    try {
      const order = await this.gateway.createOrder({
        orderId,
        dossierCode: slip.dossierCode,
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

  /** The slip goes back to the land office for correction, with every problem found. */
  private async returnSlip(
    event: EventEnvelope<TransferSlipSentV1>,
    problems: SlipProblemV1[],
  ): Promise<void> {
    const { dossierCode, slipRevision } = event.payload;
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
        status: 'RETURNED',
        correlationId: event.correlationId,
        ...accessOf(event.payload),
        problems,
        lines: [],
        notices: [],
        filingIds: [],
      },
      [returned],
    );
  }
}

/** A dossier's obligations are determined once; a new slip cannot charge them again. */
function alreadyAssessed(standing: TaxAssessment): SlipProblemV1 {
  return {
    field: 'slipRevision',
    code: SlipProblemCode.ALREADY_ASSESSED,
    messageVi: `Nghĩa vụ tài chính của hồ sơ đã được xác định theo phiếu lần ${standing.slipRevision} và thông báo nộp tiền đã phát hành; phiếu mới không được xác định lại`,
  };
}

/** Who may read the assessment: tax officers of the parcel's province, and the taxpayers. */
function accessOf(slip: TransferSlipSentV1): { provinceCode: string; taxpayerIds: string[] } {
  return {
    provinceCode: slip.parcel.provinceCode,
    taxpayerIds: [...slip.sellers, ...slip.buyers].map((p) => p.citizenId),
  };
}

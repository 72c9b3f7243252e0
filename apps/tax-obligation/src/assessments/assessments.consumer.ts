import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EventEnvelope,
  HouseSlipSentV1,
  PurposeChangeSlipSentV1,
  Topics,
  TransferSlipSentV1,
} from '@lien-thong/contracts';
import { APPLIED_ONCE } from '@lien-thong/messaging';
import { AssessmentsService } from './assessments.service';

/**
 * The land office's slips, one handler per kind; the service treats every kind alike.
 * APPLIED_ONCE: a slip revision's assessment (or its return) is stored under the dossier and
 * revision, and read first; a repeated slip finds it and only publishes what is still
 * pending. Before storing, the e-tax filings and the payment order are keyed by the same
 * dossier and revision, so a crash in between files again to the same effect, exactly as
 * it did with an inbox record written after the handler.
 */
@Controller()
export class AssessmentsConsumer {
  constructor(private readonly assessments: AssessmentsService) {}

  @EventPattern(Topics.TransferSlipSent, APPLIED_ONCE)
  handle(@Payload() event: EventEnvelope<TransferSlipSentV1>): Promise<void> {
    return this.assessments.assess({ kind: 'TRANSFER', payload: event.payload }, event);
  }

  @EventPattern(Topics.PurposeChangeSlipSent, APPLIED_ONCE)
  handlePurposeChange(@Payload() event: EventEnvelope<PurposeChangeSlipSentV1>): Promise<void> {
    return this.assessments.assess({ kind: 'PURPOSE_CHANGE', payload: event.payload }, event);
  }

  @EventPattern(Topics.HouseSlipSent, APPLIED_ONCE)
  handleHouse(@Payload() event: EventEnvelope<HouseSlipSentV1>): Promise<void> {
    return this.assessments.assess({ kind: 'HOUSE', payload: event.payload }, event);
  }
}

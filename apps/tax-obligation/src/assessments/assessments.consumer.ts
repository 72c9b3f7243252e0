import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EventEnvelope,
  HouseSlipSentV1,
  PurposeChangeSlipSentV1,
  Topics,
  TransferSlipSentV1,
} from '@lien-thong/contracts';
import { AssessmentsService } from './assessments.service';

/** The land office's slips, one handler per kind; the service treats every kind alike. */
@Controller()
export class AssessmentsConsumer {
  constructor(private readonly assessments: AssessmentsService) {}

  @EventPattern(Topics.TransferSlipSent)
  handle(@Payload() event: EventEnvelope<TransferSlipSentV1>): Promise<void> {
    return this.assessments.assess({ kind: 'TRANSFER', payload: event.payload }, event);
  }

  @EventPattern(Topics.PurposeChangeSlipSent)
  handlePurposeChange(@Payload() event: EventEnvelope<PurposeChangeSlipSentV1>): Promise<void> {
    return this.assessments.assess({ kind: 'PURPOSE_CHANGE', payload: event.payload }, event);
  }

  @EventPattern(Topics.HouseSlipSent)
  handleHouse(@Payload() event: EventEnvelope<HouseSlipSentV1>): Promise<void> {
    return this.assessments.assess({ kind: 'HOUSE', payload: event.payload }, event);
  }
}

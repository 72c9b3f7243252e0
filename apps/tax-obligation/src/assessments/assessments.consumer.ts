import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, Topics, TransferSlipSentV1 } from '@lien-thong/contracts';
import { AssessmentsService } from './assessments.service';

@Controller()
export class AssessmentsConsumer {
  constructor(private readonly assessments: AssessmentsService) {}

  @EventPattern(Topics.TransferSlipSent)
  handle(@Payload() event: EventEnvelope<TransferSlipSentV1>): Promise<void> {
    return this.assessments.assess(event);
  }
}

import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, ParcelCheckRequestedV1, Topics } from '@lien-thong/contracts';
import { ParcelCheckService } from './parcel-check.service';

@Controller()
export class ParcelCheckConsumer {
  constructor(private readonly checks: ParcelCheckService) {}

  @EventPattern(Topics.ParcelCheckRequested)
  handle(@Payload() request: EventEnvelope<ParcelCheckRequestedV1>): Promise<void> {
    return this.checks.answer(request);
  }
}

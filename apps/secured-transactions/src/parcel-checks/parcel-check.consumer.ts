import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, ParcelCheckRequestedV1, Topics } from '@lien-thong/contracts';
import { APPLIED_ONCE } from '@lien-thong/messaging';
import { ParcelCheckService } from './parcel-check.service';

@Controller()
export class ParcelCheckConsumer {
  constructor(private readonly checks: ParcelCheckService) {}

  /**
   * APPLIED_ONCE: the answer is stored under the request's event id (a repeat finds it and
   * stops), and what comes before is only reading the registry, which changes nothing there.
   */
  @EventPattern(Topics.ParcelCheckRequested, APPLIED_ONCE)
  handle(@Payload() request: EventEnvelope<ParcelCheckRequestedV1>): Promise<void> {
    return this.checks.answer(request);
  }
}

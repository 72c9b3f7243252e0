import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EventEnvelope,
  MortgageRegisteredV1,
  MortgageReleasedV1,
  Topics,
} from '@lien-thong/contracts';
import { APPLIED_ONCE } from '@lien-thong/messaging';
import { MortgagesService } from './mortgages.service';

/**
 * The land office's mortgage registrations and releases. APPLIED_ONCE: each handler's only
 * effect is one applyOnce write, so a repeated event is harmless without the inbox look-up.
 */
@Controller()
export class MortgagesConsumer {
  constructor(private readonly mortgages: MortgagesService) {}

  @EventPattern(Topics.MortgageRegistered, APPLIED_ONCE)
  onRegistered(@Payload() event: EventEnvelope<MortgageRegisteredV1>): Promise<void> {
    return this.mortgages.registered(event);
  }

  @EventPattern(Topics.MortgageReleased, APPLIED_ONCE)
  onReleased(@Payload() event: EventEnvelope<MortgageReleasedV1>): Promise<void> {
    return this.mortgages.released(event);
  }
}

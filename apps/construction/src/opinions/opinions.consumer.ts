import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ConstructionOpinionRequestedV1,
  DossierRefusedV1,
  DossierWithdrawnV1,
  EventEnvelope,
  Topics,
} from '@lien-thong/contracts';
import { OpinionsService } from './opinions.service';

@Controller()
export class OpinionsConsumer {
  constructor(private readonly opinions: OpinionsService) {}

  @EventPattern(Topics.ConstructionOpinionRequested)
  requested(@Payload() event: EventEnvelope<ConstructionOpinionRequestedV1>): Promise<void> {
    return this.opinions.receive(event);
  }

  /** A refused or withdrawn dossier: its pending requests are cancelled, no answer follows. */
  @EventPattern(Topics.DossierRefused)
  refused(@Payload() event: EventEnvelope<DossierRefusedV1>): Promise<void> {
    return this.opinions.close(event, 'REFUSED');
  }

  @EventPattern(Topics.DossierWithdrawn)
  withdrawn(@Payload() event: EventEnvelope<DossierWithdrawnV1>): Promise<void> {
    return this.opinions.close(event, 'WITHDRAWN');
  }
}

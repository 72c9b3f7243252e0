import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DossierRefusedV1, DossierWithdrawnV1, EventEnvelope, Topics } from '@lien-thong/contracts';
import { ClosuresService } from './closures.service';

/** A refused or withdrawn dossier: its notices are voided and its payment cancelled or refunded. */
@Controller()
export class ClosuresConsumer {
  constructor(private readonly closures: ClosuresService) {}

  @EventPattern(Topics.DossierRefused)
  onRefused(@Payload() event: EventEnvelope<DossierRefusedV1>): Promise<void> {
    return this.closures.close(event, 'REFUSED');
  }

  @EventPattern(Topics.DossierWithdrawn)
  onWithdrawn(@Payload() event: EventEnvelope<DossierWithdrawnV1>): Promise<void> {
    return this.closures.close(event, 'WITHDRAWN');
  }
}

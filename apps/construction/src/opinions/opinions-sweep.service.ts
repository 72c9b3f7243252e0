import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { PeriodicTask, SERVICE_CONFIG } from '@lien-thong/platform';
import { AgencyUnavailableError } from '@lien-thong/resilience';
import { ConstructionConfig } from '../config/construction.config';
import { OpinionRequestsRepository } from './opinion-requests.repository';
import { OpinionsService } from './opinions.service';

/** Requests worked on per round; the least recently tried first, so that none waits forever. */
const BATCH = 100;

/**
 * Every OPINION_SWEEP_MS: submits the requests the department could not take, asks for the
 * answers still pending and tells it of cancellations, until each is done. While its
 * breaker is open the round stops at once (the breaker's trial decides when to go on).
 */
@Injectable()
export class OpinionsSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('opinions sweep');
  private readonly task: PeriodicTask;

  constructor(
    private readonly requests: OpinionRequestsRepository,
    private readonly opinions: OpinionsService,
    @Inject(SERVICE_CONFIG) config: ConstructionConfig,
  ) {
    this.task = new PeriodicTask(
      'opinions sweep',
      config.OPINION_SWEEP_MS,
      () => this.sweep(),
      this.logger,
    );
  }

  private started = false;

  /** Nest calls this twice in a service that is also a Kafka consumer: start once. */
  onApplicationBootstrap(): void {
    if (this.started) return;
    this.started = true;
    this.task.start();
  }

  beforeApplicationShutdown(): void {
    this.task.stop();
  }

  async sweep(): Promise<void> {
    for (const request of await this.requests.open(BATCH)) {
      try {
        await this.opinions.advance(request._id);
      } catch (err) {
        await this.requests.touch(request._id);
        if (err instanceof AgencyUnavailableError) break;
        this.logger.warn(`request ${request._id} failed again: ${String(err)}`);
      }
    }
  }
}

import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { PeriodicTask, SERVICE_CONFIG } from '@lien-thong/platform';
import { AgencyUnavailableError } from '@lien-thong/resilience';
import { AssessmentsRepository } from '../assessments/assessments.repository';
import { TaxObligationConfig } from '../config/tax-obligation.config';
import { CompensationService } from './compensation.service';

/** Compensations tried per round; the least recently tried first, so that none waits forever. */
const BATCH = 100;

/**
 * Every COMPENSATION_RETRY_MS, the compensations still pending (an agency was down, or
 * answered something unexpected) are tried again, until done.
 */
@Injectable()
export class CompensationSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('compensation');
  private readonly task: PeriodicTask;

  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly compensation: CompensationService,
    @Inject(SERVICE_CONFIG) config: TaxObligationConfig,
  ) {
    this.task = new PeriodicTask(
      'compensation sweep',
      config.COMPENSATION_RETRY_MS,
      () => this.sweep(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): void {
    this.task.stop();
  }

  /** Returns how many compensations were completed this round. */
  async sweep(): Promise<number> {
    let done = 0;
    for (const assessment of await this.assessments.pendingCompensations(BATCH)) {
      try {
        await this.compensation.run(assessment._id);
        done++;
      } catch (err) {
        // An agency is still down: the next round tries again.
        if (err instanceof AgencyUnavailableError) break;
        this.logger.warn(`compensation of ${assessment._id} failed again: ${String(err)}`);
      }
    }
    return done;
  }
}

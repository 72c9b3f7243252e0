import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import {
  defer,
  delayWhen,
  dematerialize,
  fromEvent,
  materialize,
  Observable,
  race,
  throwError,
  timer,
} from 'rxjs';
import { DomainException } from '@lien-thong/platform';
import { AgencyName, SIMULATOR_ERRORS } from '@lien-thong/agency-contracts';
import { AGENCY_LABELS } from './agency-labels';
import { AgencyStatsService } from './agency-stats.service';
import { FaultsService } from './faults.service';

export const SIMULATED_AGENCY = 'lien-thong:simulated-agency';

/**
 * Applies an agency's faults to its routes and counts what happened to each call. Latency is
 * added after the agency has done the work: a client that gives up has still changed state
 * at the agency, the case idempotency ids exist for. Injected errors happen before any work.
 */
@Injectable()
export class FaultInjectionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly faults: FaultsService,
    private readonly stats: AgencyStatsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const agency = this.reflector.getAllAndOverride<AgencyName | undefined>(SIMULATED_AGENCY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!agency) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    const call = { injected: false };
    this.stats.count(agency, 'received');
    response.once('finish', () => {
      this.stats.count(agency, call.injected ? 'failedInjected' : 'completed');
    });
    // 'close' without 'finish' first: the client went away before its answer was sent.
    response.once('close', () => {
      if (!response.writableFinished) this.stats.count(agency, 'aborted');
    });

    const label = AGENCY_LABELS[agency].vi;
    const decision = this.faults.decide(agency);
    switch (decision.kind) {
      case 'outage':
        call.injected = true;
        return throwError(
          () =>
            new DomainException(
              SIMULATOR_ERRORS.OUTAGE,
              `${label} đang tạm ngừng hoạt động (sự cố giả lập)`,
              503,
            ),
        );
      case 'fail':
        return this.delayed(
          response,
          decision.latencyMs,
          defer(() => {
            call.injected = true;
            return throwError(
              () =>
                new DomainException(
                  SIMULATOR_ERRORS.INJECTED_FAILURE,
                  `${label} gặp lỗi (lỗi giả lập)`,
                  decision.status,
                ),
            );
          }),
        );
      case 'serve':
        return this.delayed(response, decision.latencyMs, next.handle());
    }
  }

  /** Holds the answer (value or error) back; stops waiting once the client has gone. */
  private delayed<T>(response: Response, latencyMs: number, answer: Observable<T>): Observable<T> {
    if (latencyMs === 0) return answer;
    const clientGone = fromEvent(response, 'close');
    return answer.pipe(
      materialize(),
      delayWhen(() => race(timer(latencyMs), clientGone)),
      dematerialize(),
    );
  }
}

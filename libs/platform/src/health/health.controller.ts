import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { HealthReport, HealthService } from './health.service';
import { Probes } from './readiness';
import { Public } from '../auth/auth.decorators';
import {
  DependencyHealthView,
  HealthReportView,
  MaintenanceHealthView,
  ProbeReportView,
  ProbeCheckView,
} from './dto/health-report.dto';

@ApiTags('health')
@ApiExtraModels(DependencyHealthView, ProbeCheckView, MaintenanceHealthView)
@Public('orchestrators and npm start poll it; it names no person')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly probes: Probes,
  ) {}

  /**
   * Everything at once, for people and `npm start`: 200 with status "ok" when every
   * dependency is up, 503 with "error" otherwise; the agencies' breakers, the holiday data's
   * alert and the maintenance mode.
   */
  @Get()
  @ApiOkResponse({ type: HealthReportView, description: 'Every dependency is up.' })
  @ApiServiceUnavailableResponse({
    type: HealthReportView,
    description: 'A dependency is down (or the service is stopping); see checks.',
  })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  /** Liveness: the process can serve. 503 only while it is stopping. */
  @Get('live')
  @ApiOkResponse({ type: ProbeReportView, description: 'The process answers.' })
  @ApiServiceUnavailableResponse({ type: ProbeReportView, description: 'It is stopping.' })
  live(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    return answer(this.probes.live(), res);
  }

  /**
   * Readiness: the database, Kafka and the holiday data answer. Maintenance mode does not
   * make a service unready (it still serves all but new submissions).
   */
  @Get('ready')
  @ApiOkResponse({ type: ProbeReportView, description: 'It may be sent traffic.' })
  @ApiServiceUnavailableResponse({
    type: ProbeReportView,
    description: 'A dependency is down, or the service is stopping; see error.',
  })
  ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    return answer(this.probes.ready(), res);
  }
}

/** Terminus throws its 503 with the report; the answer is the report either way. */
async function answer(
  check: Promise<HealthCheckResult>,
  res: Response,
): Promise<HealthCheckResult> {
  try {
    return await check;
  } catch (err) {
    if (!(err instanceof ServiceUnavailableException)) throw err;
    res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return err.getResponse() as HealthCheckResult;
  }
}

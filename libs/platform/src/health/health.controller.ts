import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthReport, HealthService } from './health.service';
import { Public } from '../auth/auth.decorators';
import { DependencyHealthView, HealthReportView } from './dto/health-report.dto';

@ApiTags('health')
@ApiExtraModels(DependencyHealthView)
@Public('orchestrators and npm start poll it; it names no person')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 with status "ok" when every dependency is up; 503 with status "error" otherwise. */
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
}

import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators';

/** The process's Prometheus registry: default Node metrics plus what libraries register. */
export const METRICS = new Registry();
collectDefaultMetrics({ register: METRICS });

/** GET /metrics in the Prometheus text format. */
@ApiExcludeController()
@Public('scraped by the monitoring system; counters and gauges only, no personal data')
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', METRICS.contentType)
  metrics(): Promise<string> {
    return METRICS.metrics();
  }
}

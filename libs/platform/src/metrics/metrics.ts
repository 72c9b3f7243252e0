import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** The process's Prometheus registry: default Node metrics plus what libraries register. */
export const METRICS = new Registry();
collectDefaultMetrics({ register: METRICS });

/** GET /metrics in the Prometheus text format. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', METRICS.contentType)
  metrics(): Promise<string> {
    return METRICS.metrics();
  }
}

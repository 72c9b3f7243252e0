import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyHealthView {
  @ApiProperty({ enum: ['up', 'down', 'not-used'] })
  status!: 'up' | 'down' | 'not-used';

  @ApiPropertyOptional({ minimum: 0 })
  latencyMs?: number;

  @ApiPropertyOptional({ description: 'Why the check failed' })
  error?: string;
}

/** The maintenance mode as /health reports it (services that have one). */
export class MaintenanceHealthView {
  @ApiProperty()
  on!: boolean;

  @ApiPropertyOptional({ description: 'Told to citizens while it is on' })
  noticeVi?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  since?: string;
}

/** GET /health: 200 with status "ok" when every dependency is up, 503 with "error" otherwise. */
export class HealthReportView {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: 'ok' | 'error';

  @ApiProperty({ example: 'land-registry' })
  service!: string;

  @ApiProperty({ example: '0.1.0' })
  version!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  uptimeSeconds!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/DependencyHealthView' },
    example: { kafka: { status: 'up', latencyMs: 3 }, database: { status: 'up', latencyMs: 1 } },
  })
  checks!: Record<string, DependencyHealthView>;

  @ApiPropertyOptional({
    type: () => MaintenanceHealthView,
    description: 'Services with a maintenance mode (not an outage: status stays ok)',
  })
  maintenance?: MaintenanceHealthView;
}

/** One check of a probe (terminus): up or down, with what it found. */
export class ProbeCheckView {
  @ApiProperty({ enum: ['up', 'down', 'degraded'] })
  status!: 'up' | 'down' | 'degraded';
}

const CHECKS = {
  type: 'object',
  additionalProperties: { $ref: '#/components/schemas/ProbeCheckView' },
} as const;

/** GET /health/live and /health/ready (@nestjs/terminus's report). */
export class ProbeReportView {
  @ApiProperty({ enum: ['ok', 'error', 'degraded', 'shutting_down'] })
  status!: 'ok' | 'error' | 'degraded' | 'shutting_down';

  @ApiPropertyOptional({ ...CHECKS, description: 'The checks that are up' })
  info?: Record<string, ProbeCheckView>;

  @ApiPropertyOptional({ ...CHECKS, description: 'The checks that are down' })
  error?: Record<string, ProbeCheckView>;

  @ApiProperty({
    ...CHECKS,
    example: { database: { status: 'up', latencyMs: 1 }, kafka: { status: 'up', latencyMs: 3 } },
  })
  details!: Record<string, ProbeCheckView>;
}

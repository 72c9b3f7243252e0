import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyHealthView {
  @ApiProperty({ enum: ['up', 'down', 'not-used'] })
  status!: 'up' | 'down' | 'not-used';

  @ApiPropertyOptional({ minimum: 0 })
  latencyMs?: number;

  @ApiPropertyOptional({ description: 'Why the check failed' })
  error?: string;
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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyHealthView {
  @ApiProperty({ enum: ['up', 'down', 'not-used'] })
  status!: 'up' | 'down' | 'not-used';

  @ApiPropertyOptional({ minimum: 0 })
  latencyMs?: number;

  @ApiPropertyOptional({ description: 'Why the check failed' })
  error?: string;
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
}

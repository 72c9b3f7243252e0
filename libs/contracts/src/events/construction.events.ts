import { Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsString, Matches, ValidateNested } from 'class-validator';

export const OPINION_OUTCOMES = ['CONFIRMED', 'NOT_CONFIRMED'] as const;

/** Why the construction authority did not confirm a work. */
export class OpinionReasonV1 {
  @Matches(/^[A-Z_]+\.[A-Z_]+$/)
  code!: string;

  @IsString()
  messageVi!: string;
}

/** The construction authority's answer to a land office's request (ConstructionOpinionRequested). */
export class ConstructionOpinionGivenV1 {
  @IsString()
  dossierCode!: string;

  @IsString()
  requestId!: string;

  @IsIn(OPINION_OUTCOMES)
  outcome!: (typeof OPINION_OUTCOMES)[number];

  /** Empty when confirmed. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OpinionReasonV1)
  reasons!: OpinionReasonV1[];

  /** The department's document number for its answer. */
  @IsString()
  reference!: string;

  @IsISO8601({ strict: true })
  answeredAt!: string;
}

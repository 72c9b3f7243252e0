import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssessmentView, toView } from './assessment-view';
import { assessmentNotFound } from './assessments.exceptions';
import { AssessmentsService } from './assessments.service';
import { DossierCodeParam } from './dto/dossier-code-param.dto';

@ApiTags('assessments')
@Controller('assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get(':dossierCode')
  @ApiOperation({
    summary: "A dossier's obligations, line by line (base, rate, exemption, legal basis, notice)",
  })
  async get(@Param() { dossierCode }: DossierCodeParam): Promise<AssessmentView> {
    const revisions = await this.assessments.revisionsOf(dossierCode);
    if (revisions.length === 0) throw assessmentNotFound(dossierCode);
    return toView(revisions);
  }
}

import { Controller, Get, Ip, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLog } from '@lien-thong/audit';
import { Actor, CurrentActor, hasRole, provinceOf, Role, Roles } from '@lien-thong/platform';
import { AssessmentView, toView } from './assessment-view';
import { assessmentNotFound } from './assessments.exceptions';
import { AssessmentsService } from './assessments.service';
import { DossierCodeParam } from './dto/dossier-code-param.dto';
import { TaxAssessment } from './schemas/tax-assessment.schema';

/** Tax officers of the parcel's province, and each taxpayer for their own dossier. */
function mayRead(actor: Actor, assessment: TaxAssessment): boolean {
  if (hasRole(actor, Role.TaxOfficer) && actor.unit)
    return provinceOf(actor.unit) === assessment.provinceCode;
  return !!actor.citizenId && assessment.taxpayerIds.includes(actor.citizenId);
}

@ApiTags('assessments')
@Controller('assessments')
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly audit: AuditLog,
  ) {}

  @Get(':dossierCode')
  @Roles(Role.TaxOfficer, Role.Citizen)
  @ApiOperation({
    summary: "A dossier's obligations, line by line (base, rate, exemption, legal basis, notice)",
  })
  @ApiOkResponse({ type: AssessmentView })
  async get(
    @Param() { dossierCode }: DossierCodeParam,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ): Promise<AssessmentView> {
    const revisions = await this.assessments.revisionsOf(dossierCode);
    // Someone who may not read it is told it does not exist, as for an unknown code.
    if (revisions.length === 0 || !mayRead(actor, revisions[0]))
      throw assessmentNotFound(dossierCode);
    if (hasRole(actor, Role.TaxOfficer))
      await this.audit.record({ actor, action: 'ASSESSMENT.READ', dossierCode, ip });
    return toView(revisions);
  }
}

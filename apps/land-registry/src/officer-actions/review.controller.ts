import { Body, Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuditLog } from '@lien-thong/audit';
import { Actor, CurrentActor, Role, Roles } from '@lien-thong/platform';
import { CodeParam, dossierCode } from '../views/code-param';
import { citizenView } from '../views/dossier-views';
import { OfficerAnswers } from '../views/officer-answers';
import { ReviewService } from './review.service';
import { AssignmentDto, ProposalDto, ReasonDto } from './dto/officer-actions.dto';
import {
  CitizenDossierView,
  OfficerDossierView,
  ReviewQueueItemView,
} from '../views/dto/dossier-views.dto';

/**
 * The land office's review after tax is paid: the unit's queue, claiming, assigning,
 * proposing, sending back and approving (which registers the change), and withdrawal by the
 * applicant. Every step is recorded in the audit log with the person who did it.
 */
@ApiTags('land office review and approval')
@ApiExtraModels(OfficerDossierView, CitizenDossierView)
@ApiConflictResponse({
  description:
    'Trạng thái hồ sơ không cho phép (DOSSIER.INVALID_STATE) hoặc hồ sơ đang do người khác thẩm định (REVIEW.HELD_BY_ANOTHER, REVIEW.NOT_ASSIGNED_TO_YOU)',
})
@Controller()
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly answers: OfficerAnswers,
    private readonly audit: AuditLog,
  ) {}

  /** The unit's review queue and the officer's own dossiers; for a leader, also those to approve. */
  @Get('review-queue')
  @Roles(Role.LandOfficer, Role.LandLeader)
  @ApiOkResponse({ type: [ReviewQueueItemView] })
  queue(@CurrentActor() actor: Actor) {
    return this.review.queue(actor);
  }

  @Post('dossiers/:code/review/claim')
  @Roles(Role.LandOfficer)
  @HttpCode(200)
  @CodeParam()
  @ApiOkResponse({ type: OfficerDossierView })
  async claim(@Param('code') code: string, @CurrentActor() actor: Actor, @Ip() ip: string) {
    const d = await this.review.claim(dossierCode(code), actor);
    return this.answers.done(d, actor, 'DOSSIER.REVIEW_CLAIMED', ip);
  }

  @Post('dossiers/:code/review/assignment')
  @ApiUnprocessableEntityResponse({
    description:
      'Người được phân công không phải chuyên viên của đơn vị (REVIEW.OFFICER_OUTSIDE_UNIT)',
  })
  @Roles(Role.LandLeader)
  @HttpCode(200)
  @CodeParam()
  @ApiOkResponse({ type: OfficerDossierView })
  async assign(
    @Param('code') code: string,
    @Body() body: AssignmentDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const d = await this.review.assign(dossierCode(code), body.username, actor);
    return this.answers.done(d, actor, 'DOSSIER.REVIEW_ASSIGNED', ip, { to: body.username });
  }

  @Post('dossiers/:code/review/proposal')
  @Roles(Role.LandOfficer)
  @HttpCode(200)
  @CodeParam()
  @ApiOkResponse({ type: OfficerDossierView })
  async propose(
    @Param('code') code: string,
    @Body() body: ProposalDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const d = await this.review.propose(dossierCode(code), body.opinionVi, actor);
    return this.answers.done(d, actor, 'DOSSIER.PROPOSED', ip, { opinionVi: body.opinionVi });
  }

  @Post('dossiers/:code/review/send-back')
  @Roles(Role.LandLeader)
  @HttpCode(200)
  @CodeParam()
  @ApiOkResponse({ type: OfficerDossierView })
  async sendBack(
    @Param('code') code: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const d = await this.review.sendBack(dossierCode(code), body.reasonVi, actor);
    return this.answers.done(d, actor, 'DOSSIER.SENT_BACK', ip, { reasonVi: body.reasonVi });
  }

  /** Approval registers the change: the cadastral book, and the certificate annotated or issued. */
  @Post('dossiers/:code/approval')
  @ApiForbiddenResponse({
    description: 'Người trình không được tự phê duyệt (REVIEW.OWN_PROPOSAL)',
  })
  @Roles(Role.LandLeader)
  @HttpCode(200)
  @CodeParam()
  @ApiOkResponse({ type: OfficerDossierView })
  async approve(@Param('code') code: string, @CurrentActor() actor: Actor, @Ip() ip: string) {
    const d = await this.review.approve(dossierCode(code), actor);
    return this.answers.done(d, actor, 'DOSSIER.APPROVED', ip, {
      certificate: d.certificateOutcome?.serial,
    });
  }

  /** Withdrawal before registration: the applicant online, or a counter officer on their request. */
  @Post('dossiers/:code/withdrawal')
  @Roles(Role.Citizen, Role.CounterOfficer)
  @HttpCode(200)
  @CodeParam()
  @ApiOkResponse({
    schema: {
      anyOf: [
        { $ref: getSchemaPath(OfficerDossierView) },
        { $ref: getSchemaPath(CitizenDossierView) },
      ],
    },
  })
  async withdraw(
    @Param('code') code: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const d = await this.review.withdraw(dossierCode(code), body.reasonVi, actor);
    if (d.withdrawal?.by === 'COUNTER_OFFICER')
      return this.answers.done(d, actor, 'DOSSIER.WITHDRAWN', ip, { reasonVi: body.reasonVi });
    await this.audit.record({
      actor,
      action: 'DOSSIER.WITHDRAWN',
      dossierCode: d._id,
      ip,
      details: { reasonVi: body.reasonVi },
    });
    return citizenView(d);
  }
}

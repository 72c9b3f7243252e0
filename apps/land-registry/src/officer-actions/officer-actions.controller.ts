import { applyDecorators, Body, Controller, HttpCode, Ip, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@lien-thong/platform';
import { CodeParam, dossierCode } from '../views/code-param';
import { OfficerDossierView } from '../views/dto/dossier-views.dto';
import { OfficerAnswers } from '../views/officer-answers';
import { ReasonDto, SupplementDto } from './dto/officer-actions.dto';
import { OfficerDecisionsService } from './officer-decisions.service';

/** What an officer action answers: the dossier as officers see it, or why not. */
const OfficerAction = () =>
  applyDecorators(
    CodeParam(),
    ApiOkResponse({ type: OfficerDossierView }),
    ApiConflictResponse({
      description: 'Trạng thái hồ sơ không cho phép thao tác này (DOSSIER.INVALID_STATE)',
    }),
  );

/** The counter's and the land office's decisions on a received dossier (audited). */
@ApiTags('dossiers (one-stop counter and online)')
@Controller()
export class OfficerActionsController {
  constructor(
    private readonly decisions: OfficerDecisionsService,
    private readonly answers: OfficerAnswers,
  ) {}

  @Post('dossiers/:code/supplement-requests')
  @Roles(Role.CounterOfficer, Role.LandOfficer)
  @HttpCode(200)
  @OfficerAction()
  async requestSupplement(
    @Param('code') code: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const d = await this.decisions.requestSupplement(dossierCode(code), body.reasonVi, actor);
    return this.answers.done(d, actor, 'DOSSIER.SUPPLEMENT_REQUESTED', ip, {
      reasonVi: body.reasonVi,
    });
  }

  @Post('dossiers/:code/supplements')
  @Roles(Role.CounterOfficer)
  @HttpCode(200)
  @OfficerAction()
  @ApiUnprocessableEntityResponse({
    description:
      'Nội dung sửa không khớp sổ địa chính (DOSSIER.INVALID, theo từng trường), sửa nội dung ảnh hưởng nghĩa vụ tài chính sau khi đã nộp tiền (SUPPLEMENT.AMOUNTS_AFTER_PAYMENT), hoặc sửa bên giao dịch, điều khoản ở thủ tục không phải chuyển nhượng (SUPPLEMENT.NOT_FOR_THIS_PROCEDURE)',
  })
  async acceptSupplement(
    @Param('code') code: string,
    @Body() corrections: SupplementDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const d = await this.decisions.acceptSupplement(dossierCode(code), actor, corrections);
    return this.answers.done(d, actor, 'DOSSIER.SUPPLEMENTED', ip, {
      corrected: Object.keys(corrections),
    });
  }

  @Post('dossiers/:code/refusal')
  @Roles(Role.LandOfficer, Role.LandLeader)
  @HttpCode(200)
  @OfficerAction()
  async refuse(
    @Param('code') code: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const d = await this.decisions.refuse(dossierCode(code), body.reasonVi, actor);
    return this.answers.done(d, actor, 'DOSSIER.REFUSED', ip, { reasonVi: body.reasonVi });
  }

  @Post('dossiers/:code/result-handover')
  @Roles(Role.CounterOfficer)
  @HttpCode(200)
  @OfficerAction()
  async returnResult(@Param('code') code: string, @CurrentActor() actor: Actor, @Ip() ip: string) {
    const d = await this.decisions.returnResult(dossierCode(code), actor);
    return this.answers.done(d, actor, 'DOSSIER.RESULT_HANDED_OVER', ip);
  }
}

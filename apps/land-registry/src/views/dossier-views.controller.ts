import { Controller, Get, Ip, Param, Query, UseGuards } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Actor, CurrentActor, DomainException, Public, Role, Roles } from '@lien-thong/platform';
import { audienceFor, LAND_OFFICE_ROLES } from '../dossiers/dossier-access';
import { CodeParam, dossierCode } from './code-param';
import { DossierReadsService } from './dossier-reads.service';
import { citizenView } from './dossier-views';
import { BacklogView, CitizenDossierView, OfficerDossierView } from './dto/dossier-views.dto';
import { TrackingQueryDto } from './dto/tracking-query.dto';
import { OfficerAnswers } from './officer-answers';
import { TrackingAttempts } from './tracking-attempts';

/** Reading dossiers: in full for officers of the unit, progress for a citizen party or with the receipt. */
@ApiTags('dossiers (one-stop counter and online)')
@ApiExtraModels(OfficerDossierView, CitizenDossierView)
@Controller()
export class DossierViewsController {
  constructor(
    private readonly reads: DossierReadsService,
    private readonly answers: OfficerAnswers,
    private readonly attempts: TrackingAttempts,
  ) {}

  /** The dossier: in full for an officer of its unit, progress only for a citizen party. */
  @Get('dossiers/:code')
  @Roles(...LAND_OFFICE_ROLES, Role.Citizen)
  @CodeParam()
  @ApiOkResponse({
    description: 'Đầy đủ cho cán bộ của đơn vị; tiến độ cho công dân là một bên',
    schema: {
      anyOf: [
        { $ref: getSchemaPath(OfficerDossierView) },
        { $ref: getSchemaPath(CitizenDossierView) },
      ],
    },
  })
  async get(@Param('code') code: string, @CurrentActor() actor: Actor, @Ip() ip: string) {
    const dossier = await this.reads.get(dossierCode(code));
    return audienceFor(actor, dossier) === 'officer'
      ? this.answers.done(dossier, actor, 'DOSSIER.READ', ip)
      : citizenView(dossier);
  }

  /** Citizen tracking without login: the code and the secret printed on the receipt. */
  @Get('tracking/:code')
  @Public('citizens track with the code and the secret from their receipt')
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @CodeParam()
  @ApiOkResponse({ type: CitizenDossierView })
  @ApiTooManyRequestsResponse({
    description:
      '30 lần một phút mỗi máy (HTTP.429), hoặc sau nhiều lần sai mã tra cứu (TRACKING.TOO_MANY_ATTEMPTS)',
  })
  async track(@Param('code') code: string, @Query() query: TrackingQueryDto, @Ip() client: string) {
    this.attempts.check(code, client);
    try {
      const dossier = await this.reads.track(dossierCode(code), query.secret);
      this.attempts.succeeded(code);
      return citizenView(dossier);
    } catch (err) {
      if (err instanceof DomainException && err.code === 'DOSSIER.NOT_FOUND')
        this.attempts.failed(code, client);
      throw err;
    }
  }

  /** The backlog of the officer's unit per step, holder and unavailable agency. */
  @Get('backlog')
  @Roles(...LAND_OFFICE_ROLES)
  @ApiOkResponse({ type: BacklogView })
  backlog(@CurrentActor() actor: Actor) {
    return this.reads.backlog(actor);
  }
}

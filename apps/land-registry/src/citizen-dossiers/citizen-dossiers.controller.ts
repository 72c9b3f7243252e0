import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@lien-thong/platform';
import { CitizenDossiersService } from './citizen-dossiers.service';
import { CitizenDossiersQueryDto } from './dto/citizen-dossiers-query.dto';
import { CitizenDossierItemView, CitizenDossierPageView } from './dto/citizen-dossier-view.dto';
import { CodeParam, dossierCode } from '../views/code-param';

/** The citizen portal's "Hồ sơ của tôi": the logged-in citizen's own dossiers. */
@ApiTags('citizen portal')
@Controller()
export class CitizenDossiersController {
  constructor(private readonly dossiers: CitizenDossiersService) {}

  @Get('citizen/dossiers')
  @Roles(Role.Citizen)
  @ApiOkResponse({ type: CitizenDossierPageView })
  @ApiBadRequestResponse({
    description:
      'Tham số không hợp lệ (VALIDATION.FAILED) hoặc con trỏ trang hỏng (LIST.CURSOR_INVALID)',
  })
  list(@Query() query: CitizenDossiersQueryDto, @CurrentActor() actor: Actor) {
    return this.dossiers.list(actor, query);
  }

  /** One of them, as the list shows it: what the citizen may do with it now (pay, print, withdraw). */
  @Get('citizen/dossiers/:code')
  @Roles(Role.Citizen)
  @CodeParam()
  @ApiOkResponse({ type: CitizenDossierItemView })
  @ApiNotFoundResponse({
    description: 'Không có hồ sơ này trong số hồ sơ của bạn (DOSSIER.NOT_FOUND)',
  })
  one(@Param('code') code: string, @CurrentActor() actor: Actor) {
    return this.dossiers.one(actor, dossierCode(code));
  }
}

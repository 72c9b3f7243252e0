import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@lien-thong/platform';
import { CitizenDossiersService } from './citizen-dossiers.service';
import { CitizenDossiersQueryDto } from './dto/citizen-dossiers-query.dto';
import { CitizenDossierPageView } from './dto/citizen-dossier-view.dto';

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
}

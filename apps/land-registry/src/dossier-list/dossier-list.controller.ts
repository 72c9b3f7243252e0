import { Controller, Get, Ip, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@lien-thong/platform';
import { LAND_OFFICE_ROLES } from '../dossiers/dossier-access';
import { DossierListService } from './dossier-list.service';
import { DossierListQueryDto } from './dto/dossier-list-query.dto';
import { DossierListPageView } from './dto/dossier-list-view.dto';

/** The officer console's queue: the unit's dossiers, newest first, filtered and searched. */
@ApiTags('dossiers (one-stop counter and online)')
@Controller()
export class DossierListController {
  constructor(private readonly list: DossierListService) {}

  @Get('dossiers')
  @Roles(...LAND_OFFICE_ROLES)
  @ApiOkResponse({ type: DossierListPageView })
  @ApiBadRequestResponse({
    description:
      'Bộ lọc không hợp lệ (VALIDATION.FAILED) hoặc con trỏ trang hỏng (LIST.CURSOR_INVALID)',
  })
  page(@Query() query: DossierListQueryDto, @CurrentActor() actor: Actor, @Ip() ip: string) {
    return this.list.list(actor, query, ip);
  }
}

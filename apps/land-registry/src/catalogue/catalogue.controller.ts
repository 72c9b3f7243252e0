import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Public } from '@lien-thong/platform';
import { PROCEDURE_KEYS } from '@lien-thong/procedures';
import { CatalogueService } from './catalogue.service';
import { ProcedureQueryDto } from './dto/procedure-query.dto';
import { ProcedureDetailView, ProcedureView } from './dto/procedure-view.dto';

const WHY_PUBLIC = 'the catalogue of procedures, documents, times and fees is public information';

/** The procedure catalogue for citizens and other portals: what to bring, how long, how much. */
@ApiTags('procedures (public catalogue)')
@Controller('procedures')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  /** Every procedure in force today, with its documents, online level, times and agencies. */
  @Get()
  @Public(WHY_PUBLIC)
  @ApiOkResponse({ type: [ProcedureView] })
  list(): ProcedureView[] {
    return this.catalogue.list();
  }

  /** One procedure; with `?province=`, that province's fees at the counter and online. */
  @Get(':key')
  @Public(WHY_PUBLIC)
  @ApiParam({ name: 'key', schema: { type: 'string', enum: [...PROCEDURE_KEYS] } })
  @ApiOkResponse({ type: ProcedureDetailView })
  @ApiUnprocessableEntityResponse({
    description:
      'Chưa có biểu phí của tỉnh, thành phố (PROCEDURE.PROVINCE_NOT_COVERED) hoặc biểu phí chưa đủ (PROCEDURE.FEES_NOT_SET)',
  })
  get(@Param('key') key: string, @Query() query: ProcedureQueryDto): ProcedureDetailView {
    return this.catalogue.get(key, query.province);
  }
}

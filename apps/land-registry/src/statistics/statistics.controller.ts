import { applyDecorators, Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@lien-thong/platform';
import { LAND_OFFICE_ROLES } from '../dossiers/dossier-access';
import { statisticsCsv } from './statistics-csv';
import { StatisticsService } from './statistics.service';
import { StatisticsQueryDto } from './dto/statistics-query.dto';
import { StatisticsView } from './dto/statistics-view.dto';

const StatisticsErrors = () =>
  applyDecorators(
    ApiBadRequestResponse({
      description: 'Ngày không hợp lệ (VALIDATION.FAILED) hoặc kỳ sai (STATISTICS.PERIOD_INVALID)',
    }),
    ApiForbiddenResponse({
      description: 'Đơn vị không thuộc đơn vị của người xem (STATISTICS.UNIT_NOT_COVERED)',
    }),
  );

/** The figures of a unit over a period, as JSON for the console's charts and as CSV for Excel. */
@ApiTags('statistics')
@Controller()
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('statistics')
  @Roles(...LAND_OFFICE_ROLES)
  @ApiOkResponse({ type: StatisticsView })
  @StatisticsErrors()
  of(@Query() query: StatisticsQueryDto, @CurrentActor() actor: Actor) {
    return this.statistics.of(actor, query);
  }

  @Get('statistics.csv')
  @Roles(...LAND_OFFICE_ROLES)
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'Bảng thống kê, UTF-8 có BOM, dòng tiêu đề tiếng Việt',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @StatisticsErrors()
  @Header('cache-control', 'no-store')
  async csv(@Query() query: StatisticsQueryDto, @CurrentActor() actor: Actor) {
    const figures = await this.statistics.of(actor, query);
    const name = `thong-ke-${figures.unit.replace('/', '-')}-${figures.from}-${figures.to}.csv`;
    return new StreamableFile(Buffer.from(statisticsCsv(figures), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${name}"`,
    });
  }
}

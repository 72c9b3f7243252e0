import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CurrentActor,
  DomainException,
  provinceOf,
  Role,
  Roles,
} from '@lien-thong/platform';
import { OpinionRequestView, toView } from './dto/opinion-request.view';
import { RequestIdParam } from './dto/request-id-param.dto';
import { OpinionRequestsRepository } from './opinion-requests.repository';

const LIST_LIMIT = 200;

const notFound = () =>
  new DomainException(
    'OPINION_REQUEST.NOT_FOUND',
    'Không tìm thấy đề nghị xác nhận công trình với mã đã cho',
    404,
  );

/** The construction department's officers follow the requests of their own province. */
@ApiTags('opinion requests')
@Controller('opinion-requests')
export class OpinionsController {
  constructor(private readonly requests: OpinionRequestsRepository) {}

  @Get()
  @Roles(Role.ConstructionOfficer)
  @ApiOperation({ summary: "The province's requests, newest first (status, due date, late flag)" })
  @ApiOkResponse({ type: [OpinionRequestView] })
  async list(@CurrentActor() actor: Actor): Promise<OpinionRequestView[]> {
    if (!actor.unit) return [];
    const requests = await this.requests.ofProvince(provinceOf(actor.unit), LIST_LIMIT);
    const now = new Date();
    return requests.map((r) => toView(r, now));
  }

  @Get(':requestId')
  @Roles(Role.ConstructionOfficer)
  @ApiOperation({ summary: 'One request and the answer given' })
  @ApiOkResponse({ type: OpinionRequestView })
  @ApiNotFoundResponse({
    description: 'No such request in the province (OPINION_REQUEST.NOT_FOUND)',
  })
  async get(
    @Param() { requestId }: RequestIdParam,
    @CurrentActor() actor: Actor,
  ): Promise<OpinionRequestView> {
    const request = await this.requests.find(requestId);
    // Another province's request is answered as one that does not exist.
    if (!request || !actor.unit || provinceOf(actor.unit) !== request.provinceCode)
      throw notFound();
    return toView(request);
  }
}

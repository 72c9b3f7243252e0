import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CurrentActor,
  DomainException,
  provinceOf,
  Role,
  Roles,
} from '@lien-thong/platform';
import { ParcelsService } from './parcels.service';
import { ParcelView } from './dto/parcel-view.dto';

const notFound = () =>
  new DomainException('PARCEL.NOT_FOUND', 'Không tìm thấy thửa đất trong sổ địa chính', 404);

/**
 * The officers' look-up in the cadastral book: owners' citizen IDs are personal data, so
 * only the land office's officers of the parcel's province see them (404 otherwise).
 */
@ApiTags('cadastral book')
@Controller('parcels')
export class ParcelsController {
  constructor(private readonly parcels: ParcelsService) {}

  @Get(':communeCode/:mapSheetNumber/:parcelNumber')
  @Roles(Role.CounterOfficer, Role.LandOfficer, Role.LandLeader)
  @ApiParam({ name: 'communeCode', schema: { type: 'string', pattern: '^\\d{5}$' } })
  @ApiParam({ name: 'mapSheetNumber', schema: { type: 'integer' } })
  @ApiParam({ name: 'parcelNumber', schema: { type: 'integer' } })
  @ApiOkResponse({ type: ParcelView })
  async find(
    @Param('communeCode') communeCode: string,
    @Param('mapSheetNumber', ParseIntPipe) mapSheetNumber: number,
    @Param('parcelNumber', ParseIntPipe) parcelNumber: number,
    @CurrentActor() actor: Actor,
  ) {
    const parcel = /^\d{5}$/.test(communeCode)
      ? await this.parcels.find({ communeCode, mapSheetNumber, parcelNumber })
      : null;
    if (!parcel || !actor.unit || provinceOf(actor.unit) !== parcel.provinceCode) throw notFound();
    const { handledEvents: _handled, ...view } = parcel;
    return view;
  }
}

import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainException } from '@lien-thong/platform';
import { ParcelsService } from './parcels.service';

/** The counter officer's look-up in the cadastral book (and the demo's source of sample parcels). */
@ApiTags('cadastral book')
@Controller('parcels')
export class ParcelsController {
  constructor(private readonly parcels: ParcelsService) {}

  @Get(':communeCode/:mapSheetNumber/:parcelNumber')
  async find(
    @Param('communeCode') communeCode: string,
    @Param('mapSheetNumber', ParseIntPipe) mapSheetNumber: number,
    @Param('parcelNumber', ParseIntPipe) parcelNumber: number,
  ) {
    const parcel = /^\d{5}$/.test(communeCode)
      ? await this.parcels.find({ communeCode, mapSheetNumber, parcelNumber })
      : null;
    if (!parcel)
      throw new DomainException(
        'PARCEL.NOT_FOUND',
        'Không tìm thấy thửa đất trong sổ địa chính',
        404,
      );
    const { handledEvents: _handled, ...view } = parcel;
    return view;
  }
}

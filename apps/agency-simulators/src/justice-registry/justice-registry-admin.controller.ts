import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { HoldPlacement, PlaceHoldRequest, SIMULATOR_ADMIN_API } from '@lien-thong/agency-contracts';
import { ParcelParams } from './dto/parcel-params.dto';
import { JusticeRegistryService } from './justice-registry.service';
import { Role, Roles } from '@lien-thong/platform';

@ApiTags('Admin: Justice registry (simulator)')
@Roles(Role.Operator)
@Controller()
export class JusticeRegistryAdminController {
  constructor(private readonly registry: JusticeRegistryService) {}

  @Post(SIMULATOR_ADMIN_API.justiceHolds)
  @ApiOperation({ summary: 'Place a hold now (and POST it to JUSTICE_HOLD_WEBHOOK_URL)' })
  @ApiCreatedResponse({ type: HoldPlacement })
  @ApiConflictResponse({ description: 'That hold was lifted (JUSTICE.HOLD_ALREADY_LIFTED)' })
  placeHold(@Body() request: PlaceHoldRequest): Promise<HoldPlacement> {
    return this.registry.placeHold(request);
  }

  @Delete(`${SIMULATOR_ADMIN_API.justiceHolds}/:communeCode/:mapSheetNumber/:parcelNumber`)
  @HttpCode(204)
  @ApiOperation({ summary: 'Lift every hold on a parcel' })
  @ApiNoContentResponse({ description: 'Every hold on the parcel lifted' })
  @ApiNotFoundResponse({ description: 'No hold on that parcel (JUSTICE.HOLD_NOT_FOUND)' })
  liftHolds(@Param() parcel: ParcelParams): Promise<void> {
    return this.registry.liftHolds(parcel);
  }
}

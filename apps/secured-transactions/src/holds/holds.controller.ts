import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiTags } from '@nestjs/swagger';
import { HoldPlacement } from '@lien-thong/agency-contracts';
import { SignedWebhook } from '@lien-thong/platform';
import { HoldsService } from './holds.service';
import { HoldAcceptedView } from './dto/hold-views.dto';

/** Where the Justice Department's blocking database pushes news of a hold, placed or lifted. */
@ApiTags('holds (from the Justice registry)')
@Controller('justice/holds')
export class HoldsController {
  constructor(private readonly holds: HoldsService) {}

  @Post()
  @SignedWebhook('JUSTICE_WEBHOOK_SECRET')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: HoldAcceptedView })
  placed(@Body() placement: HoldPlacement): Promise<HoldAcceptedView> {
    return this.holds.placed(placement);
  }
}

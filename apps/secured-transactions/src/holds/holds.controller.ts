import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HoldPlacement } from '@lien-thong/agency-contracts';
import { SignedWebhook } from '@lien-thong/platform';
import { HoldsService } from './holds.service';

/** Where the Justice Department's blocking database pushes news of a new hold. */
@ApiTags('holds (from the Justice registry)')
@Controller('justice/holds')
export class HoldsController {
  constructor(private readonly holds: HoldsService) {}

  @Post()
  @SignedWebhook('JUSTICE_WEBHOOK_SECRET')
  @HttpCode(202)
  placed(@Body() placement: HoldPlacement): Promise<{ accepted: boolean }> {
    return this.holds.placed(placement);
  }
}

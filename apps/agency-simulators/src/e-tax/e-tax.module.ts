import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FaultsModule } from '../faults/faults.module';
import { ETaxController } from './e-tax.controller';
import { ETaxRepository } from './e-tax.repository';
import { ETaxService } from './e-tax.service';
import {
  FilingVoid,
  FilingVoidSchema,
  NoticeNumberClaim,
  NoticeNumberClaimSchema,
  TaxFiling,
  TaxFilingSchema,
} from './schemas/tax-filing.schema';

@Module({
  imports: [
    FaultsModule,
    MongooseModule.forFeature([
      { name: TaxFiling.name, schema: TaxFilingSchema },
      { name: NoticeNumberClaim.name, schema: NoticeNumberClaimSchema },
      { name: FilingVoid.name, schema: FilingVoidSchema },
    ]),
  ],
  controllers: [ETaxController],
  providers: [ETaxService, ETaxRepository],
})
export class ETaxModule {}

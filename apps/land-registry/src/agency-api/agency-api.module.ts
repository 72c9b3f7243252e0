import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { AgencyApiController } from './agency-api.controller';
import { AgencyApiService } from './agency-api.service';

/** Reads of the land registry for other agencies' systems (their service accounts). */
@Module({
  imports: [ReferenceDataModule],
  controllers: [AgencyApiController],
  providers: [AgencyApiService],
})
export class AgencyApiModule {}

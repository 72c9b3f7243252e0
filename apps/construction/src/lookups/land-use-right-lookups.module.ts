import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LandRegistryClient } from '../agencies/land-registry.client';
import { LandUseRightLookupsController } from './land-use-right-lookups.controller';
import { LandUseRightLookupsRepository } from './land-use-right-lookups.repository';
import { LandUseRightLookupsService } from './land-use-right-lookups.service';
import {
  LandUseRightLookup,
  LandUseRightLookupSchema,
} from './schemas/land-use-right-lookup.schema';

/** Building permits: the land-use right looked up in the land registry. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: LandUseRightLookup.name, schema: LandUseRightLookupSchema },
    ]),
  ],
  controllers: [LandUseRightLookupsController],
  providers: [LandUseRightLookupsService, LandUseRightLookupsRepository, LandRegistryClient],
})
export class LandUseRightLookupsModule {}

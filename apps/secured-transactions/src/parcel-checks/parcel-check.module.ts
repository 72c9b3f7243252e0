import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JusticeRegistryClient } from '../agencies/justice-registry.client';
import { ParcelCheck, ParcelCheckSchema } from './schemas/parcel-check.schema';
import { ParcelCheckRepository } from './parcel-check.repository';
import { ParcelCheckService } from './parcel-check.service';
import { ParcelCheckConsumer } from './parcel-check.consumer';
import { MortgagesModule } from '../mortgages/mortgages.module';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: ParcelCheck.name, schema: ParcelCheckSchema }]),
    MortgagesModule,
  ],
  controllers: [ParcelCheckConsumer],
  providers: [ParcelCheckRepository, ParcelCheckService, JusticeRegistryClient],
})
export class ParcelCheckModule {}

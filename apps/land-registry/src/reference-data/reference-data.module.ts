import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Parcel, ParcelSchema } from './schemas/parcel.schema';
import { ParcelsRepository } from './parcels.repository';
import { ParcelsService } from './parcels.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: Parcel.name, schema: ParcelSchema }])],
  providers: [ParcelsRepository, ParcelsService],
  exports: [ParcelsService],
})
export class ReferenceDataModule {}

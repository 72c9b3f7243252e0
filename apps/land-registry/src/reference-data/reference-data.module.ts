import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Parcel, ParcelSchema } from './schemas/parcel.schema';
import { ParcelsRepository } from './parcels.repository';
import { ParcelsService } from './parcels.service';
import { ParcelsController } from './parcels.controller';

@Module({
  imports: [MongooseModule.forFeature([{ name: Parcel.name, schema: ParcelSchema }])],
  controllers: [ParcelsController],
  providers: [ParcelsRepository, ParcelsService],
  exports: [ParcelsService],
})
export class ReferenceDataModule {}

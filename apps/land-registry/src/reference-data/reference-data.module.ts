import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Parcel, ParcelSchema } from './schemas/parcel.schema';
import { ParcelsRepository } from './parcels.repository';
import { ParcelsService } from './parcels.service';
import { ParcelsController } from './parcels.controller';
import { CertificateSerialsRepository } from './certificate-serials.repository';

@Module({
  imports: [MongooseModule.forFeature([{ name: Parcel.name, schema: ParcelSchema }])],
  controllers: [ParcelsController],
  providers: [ParcelsRepository, ParcelsService, CertificateSerialsRepository],
  exports: [ParcelsService],
})
export class ReferenceDataModule {}

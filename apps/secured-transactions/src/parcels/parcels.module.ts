import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ParcelLinksRepository } from './parcel-links.repository';
import { ParcelLink, ParcelLinkSchema } from './schemas/parcel-link.schema';

/** What is known of each parcel (holds, mortgages), found by _id: shared by every feature. */
@Module({
  imports: [MongooseModule.forFeature([{ name: ParcelLink.name, schema: ParcelLinkSchema }])],
  providers: [ParcelLinksRepository],
  exports: [ParcelLinksRepository],
})
export class ParcelsModule {}

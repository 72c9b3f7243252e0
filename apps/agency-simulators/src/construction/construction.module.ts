import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FaultsModule } from '../faults/faults.module';
import { ConstructionController } from './construction.controller';
import { ConstructionRepository } from './construction.repository';
import { ConstructionService } from './construction.service';
import { ConformityRecord, ConformityRecordSchema } from './schemas/conformity-request.schema';

/** SIMULATOR of the provincial construction department (Sở Xây dựng). */
@Module({
  imports: [
    FaultsModule,
    MongooseModule.forFeature([{ name: ConformityRecord.name, schema: ConformityRecordSchema }]),
  ],
  controllers: [ConstructionController],
  providers: [ConstructionService, ConstructionRepository],
})
export class ConstructionModule {}

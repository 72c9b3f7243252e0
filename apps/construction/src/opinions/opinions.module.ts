import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ConstructionDepartmentClient } from '../agencies/construction-department.client';
import {
  ClosedDossier,
  ClosedDossierSchema,
  OpinionRequest,
  OpinionRequestSchema,
} from './schemas/opinion-request.schema';
import { OpinionRequestsRepository } from './opinion-requests.repository';
import { OpinionsConsumer } from './opinions.consumer';
import { OpinionsController } from './opinions.controller';
import { OpinionsService } from './opinions.service';
import { OpinionsSweep } from './opinions-sweep.service';

/** The land office's requests for the department's opinion on a house or work. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: OpinionRequest.name, schema: OpinionRequestSchema },
      { name: ClosedDossier.name, schema: ClosedDossierSchema },
    ]),
  ],
  controllers: [OpinionsConsumer, OpinionsController],
  providers: [
    OpinionRequestsRepository,
    OpinionsService,
    OpinionsSweep,
    ConstructionDepartmentClient,
  ],
})
export class OpinionsModule {}

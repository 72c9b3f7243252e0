import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  LandOfficeMortgage,
  LandOfficeMortgageSchema,
} from './schemas/land-office-mortgage.schema';
import { MortgagesRepository } from './mortgages.repository';
import { MortgagesService } from './mortgages.service';
import { MortgagesConsumer } from './mortgages.consumer';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: LandOfficeMortgage.name, schema: LandOfficeMortgageSchema },
    ]),
  ],
  controllers: [MortgagesConsumer],
  providers: [MortgagesRepository, MortgagesService],
  exports: [MortgagesService],
})
export class MortgagesModule {}

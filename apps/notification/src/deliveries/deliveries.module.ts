import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AgenciesModule } from '../agencies/agencies.module';
import { ContactsModule } from '../contacts/contacts.module';
import { ChannelSender } from './channel-sender';
import { DeliveriesConsumer } from './deliveries.consumer';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveriesService } from './deliveries.service';
import { Delivery, DeliverySchema } from './schemas/delivery.schema';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: Delivery.name, schema: DeliverySchema }]),
    ContactsModule,
    AgenciesModule,
  ],
  controllers: [DeliveriesController, DeliveriesConsumer],
  providers: [DeliveriesRepository, DeliveriesService, ChannelSender],
})
export class DeliveriesModule {}

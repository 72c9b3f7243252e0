import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FaultsModule } from '../faults/faults.module';
import { EmailGatewayController } from './email-gateway.controller';
import { MessagesAdminController } from './messages-admin.controller';
import { MessagingGatewaysRepository } from './messaging-gateways.repository';
import { MessagingGatewaysService } from './messaging-gateways.service';
import { AcceptedMessage, AcceptedMessageSchema } from './schemas/accepted-message.schema';
import { SmsGatewayController } from './sms-gateway.controller';
import { ZaloGatewayController } from './zalo-gateway.controller';

/** SMS, e-mail and Zalo OA: three agencies (each with its own faults) over one store. */
@Module({
  imports: [
    FaultsModule,
    MongooseModule.forFeature([{ name: AcceptedMessage.name, schema: AcceptedMessageSchema }]),
  ],
  controllers: [
    SmsGatewayController,
    EmailGatewayController,
    ZaloGatewayController,
    MessagesAdminController,
  ],
  providers: [MessagingGatewaysService, MessagingGatewaysRepository],
})
export class MessagingGatewaysModule {}

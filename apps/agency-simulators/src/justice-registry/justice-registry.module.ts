import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboundHttp } from '../common/outbound-http';
import { FaultsModule } from '../faults/faults.module';
import { JusticeHoldWebhook } from './justice-hold-webhook';
import { JusticeRegistryAdminController } from './justice-registry-admin.controller';
import { JusticeRegistryController } from './justice-registry.controller';
import { JusticeRegistryRepository } from './justice-registry.repository';
import { JusticeRegistryService } from './justice-registry.service';
import { JusticeHold, JusticeHoldSchema } from './schemas/justice-hold.schema';

@Module({
  imports: [
    FaultsModule,
    MongooseModule.forFeature([{ name: JusticeHold.name, schema: JusticeHoldSchema }]),
  ],
  controllers: [JusticeRegistryController, JusticeRegistryAdminController],
  providers: [JusticeRegistryService, JusticeRegistryRepository, JusticeHoldWebhook, OutboundHttp],
})
export class JusticeRegistryModule {}

import { Module } from '@nestjs/common';
import { EmailClient } from './email.client';
import { SmsClient } from './sms.client';
import { ZaloClient } from './zalo.client';

/** Typed clients of the message gateways (AgencyClients comes from the global ResilienceModule). */
@Module({
  providers: [SmsClient, EmailClient, ZaloClient],
  exports: [SmsClient, EmailClient, ZaloClient],
})
export class AgenciesModule {}

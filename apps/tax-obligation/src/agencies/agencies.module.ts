import { Module } from '@nestjs/common';
import { ETaxClient } from './e-tax.client';
import { PaymentGatewayClient } from './payment-gateway.client';

/** The typed clients of the agencies this service calls (AgencyClients comes from ResilienceModule). */
@Module({
  providers: [ETaxClient, PaymentGatewayClient],
  exports: [ETaxClient, PaymentGatewayClient],
})
export class AgenciesModule {}

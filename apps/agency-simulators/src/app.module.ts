import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@lien-thong/platform';
import { AgencySimulatorsConfig, AGENCY_SIMULATORS } from './config/agency-simulators.config';
import { ConstructionModule } from './construction/construction.module';
import { ETaxModule } from './e-tax/e-tax.module';
import { FaultsModule } from './faults/faults.module';
import { JusticeRegistryModule } from './justice-registry/justice-registry.module';
import { MessagingGatewaysModule } from './messaging-gateways/messaging-gateways.module';
import { PaymentGatewayModule } from './payment-gateway/payment-gateway.module';
import { PopulationModule } from './population/population.module';

/** One folder per simulated agency; faults and statistics shared by all of them. */
@Module({})
export class AppModule {
  static forRoot(config: AgencySimulatorsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, info: AGENCY_SIMULATORS, database: true, kafka: false }),
        FaultsModule,
        JusticeRegistryModule,
        ETaxModule,
        PaymentGatewayModule,
        MessagingGatewaysModule,
        PopulationModule,
        ConstructionModule,
      ],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@lien-thong/platform';
import { AgencySimulatorsConfig, AGENCY_SIMULATORS } from './config/agency-simulators.config';

@Module({})
export class AppModule {
  static forRoot(config: AgencySimulatorsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, info: AGENCY_SIMULATORS, database: true, kafka: false }),
      ],
    };
  }
}

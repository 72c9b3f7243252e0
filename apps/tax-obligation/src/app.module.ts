import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@lien-thong/platform';
import { MessagingModule } from '@lien-thong/messaging';
import { TaxObligationConfig, TAX_OBLIGATION } from './config/tax-obligation.config';

@Module({})
export class AppModule {
  static forRoot(config: TaxObligationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, info: TAX_OBLIGATION, database: true, kafka: true }),
        MessagingModule.forRoot(config, TAX_OBLIGATION),
      ],
    };
  }
}

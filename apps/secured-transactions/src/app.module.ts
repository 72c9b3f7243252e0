import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@lien-thong/platform';
import { MessagingModule } from '@lien-thong/messaging';
import {
  SecuredTransactionsConfig,
  SECURED_TRANSACTIONS,
} from './config/secured-transactions.config';

@Module({})
export class AppModule {
  static forRoot(config: SecuredTransactionsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, info: SECURED_TRANSACTIONS, database: true, kafka: true }),
        MessagingModule.forRoot(config, SECURED_TRANSACTIONS),
      ],
    };
  }
}

import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ServiceConfig } from '../config/service-config';
import { SERVICE_CONFIG } from '../bootstrap/service-info';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

/** The global guard and the token verifier (imported once, by PlatformModule). */
@Global()
@Module({
  providers: [
    {
      provide: TokenVerifier,
      useFactory: (config: ServiceConfig) =>
        new TokenVerifier(config.OIDC_ISSUER_URL, config.OIDC_AUDIENCE),
      inject: [SERVICE_CONFIG],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}

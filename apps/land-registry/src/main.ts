import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@lien-thong/platform';
import { AppModule } from './app.module';
import { loadLandRegistryConfig, LAND_REGISTRY } from './config/land-registry.config';

async function main(): Promise<void> {
  const config = loadLandRegistryConfig();
  await bootstrapService({ module: AppModule.forRoot(config), config, info: LAND_REGISTRY });
}

main().catch(exitOnBootFailure('land-registry'));

import { describeServiceBoots } from '@lien-thong/testing';
import { AppModule } from './app.module';
import { loadLandRegistryConfig, LAND_REGISTRY } from './config/land-registry.config';

describeServiceBoots(LAND_REGISTRY, loadLandRegistryConfig, (config) => AppModule.forRoot(config));

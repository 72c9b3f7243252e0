import { loadConfig, PRODUCT_VERSION, ServiceConfig, ServiceInfo } from '@lien-thong/platform';

export const LAND_REGISTRY: ServiceInfo = {
  name: 'land-registry',
  version: PRODUCT_VERSION,
  title: 'Land Registration Office (Văn phòng đăng ký đất đai)',
  description:
    'The one-stop counter and online intake for land dossiers; owns dossiers, parcels and certificates and orchestrates each transfer.',
};

/** Everything land-registry reads from its environment, validated at boot. */
export class LandRegistryConfig extends ServiceConfig {}

export function loadLandRegistryConfig(env: NodeJS.ProcessEnv = process.env): LandRegistryConfig {
  return loadConfig(LandRegistryConfig, { PORT: 3000 }, env);
}

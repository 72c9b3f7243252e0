import { loadConfig, PRODUCT_VERSION, ServiceConfig, ServiceInfo } from '@lien-thong/platform';

export const AGENCY_SIMULATORS: ServiceInfo = {
  name: 'agency-simulators',
  version: PRODUCT_VERSION,
  title: 'Agency simulators',
  description:
    'SIMULATORS of the external agency systems (Justice registry, e-tax, payment gateway, SMS/e-mail/Zalo, population database) for development and tests. Never use in production.',
};

/** Everything agency-simulators reads from its environment, validated at boot. */
export class AgencySimulatorsConfig extends ServiceConfig {}

export function loadAgencySimulatorsConfig(
  env: NodeJS.ProcessEnv = process.env,
): AgencySimulatorsConfig {
  return loadConfig(AgencySimulatorsConfig, { PORT: 3100 }, env);
}

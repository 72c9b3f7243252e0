import { loadWebGatewayConfig, WebGatewayEnv } from './web-gateway.config';

/**
 * WebGatewayEnv is what the deployment check (tools/checks/deploy.mjs) allows a compose file
 * or manifest to set for the gateway: every variable it declares must change something, or
 * a deployment could set one the gateway ignores and pass the check.
 */
describe('web gateway configuration', () => {
  // Typed with every declared variable: declaring one more without a case here fails tsc.
  const sample: Record<keyof WebGatewayEnv, string> = {
    PORT: '8081',
    HOST: '0.0.0.0',
    OIDC_ISSUER_URL: 'https://sso.example.gov.vn/realms/lien-thong',
    OIDC_CLIENT_ID: 'portal',
    API_LAND_REGISTRY_URL: 'http://land-registry:3000',
    API_SECURED_TRANSACTIONS_URL: 'http://secured-transactions:3001',
    API_TAX_OBLIGATION_URL: 'http://tax-obligation:3002',
    API_NOTIFICATION_URL: 'http://notification:3003',
    API_CONSTRUCTION_URL: 'http://construction:3004',
    WEB_STATIC_DIR: '/srv/web',
    UPSTREAM_TIMEOUT_MS: '5000',
    SHUTDOWN_GRACE_MS: '5000',
    EXIT_WITH_PID: '4242',
  };

  it.each(Object.entries(sample))('reads %s', (name, value) => {
    expect(loadWebGatewayConfig({ [name]: value })).not.toEqual(loadWebGatewayConfig({}));
  });

  it('refuses a service address that is no URL, naming the variable', () => {
    expect(() => loadWebGatewayConfig({ API_CONSTRUCTION_URL: 'construction:3004' })).toThrow(
      'API_CONSTRUCTION_URL must be an http(s) URL',
    );
  });
});

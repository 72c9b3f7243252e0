/** What the gateway tells the browser at run time (GET /config.json). */
export interface RuntimeConfig {
  issuer: string;
  clientId: string;
  /** Where this origin relays the identity provider's discovery and token endpoints. */
  oidcProxyPath: string;
  services: string[];
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const res = await fetch('/config.json', { cache: 'no-cache' });
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  return (await res.json()) as RuntimeConfig;
}

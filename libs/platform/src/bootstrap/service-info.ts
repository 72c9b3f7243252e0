/** The product's version, reported by /health and stamped on every event. */
export const PRODUCT_VERSION = '0.1.0';

/** Who this process is: used by /health, logs and (later) the event envelope's producer. */
export interface ServiceInfo {
  name: string;
  version: string;
  title: string;
  description: string;
}

export const SERVICE_INFO = Symbol('SERVICE_INFO');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

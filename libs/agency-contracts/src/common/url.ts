/**
 * Joins an agency's base URL (from a service's configuration, with or without a trailing
 * slash) and a contract path (always starting with '/').
 */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

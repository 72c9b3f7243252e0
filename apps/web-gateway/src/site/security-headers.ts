import helmet from 'helmet';

/**
 * Security headers for the console and portal. The Content-Security-Policy lets the page
 * talk to its own origin and, for the OpenID Connect token and user-info requests, to the
 * identity provider's origin; nothing else loads or runs. Ant Design writes its styles into
 * <style> elements at run time, hence 'unsafe-inline' for styles only (never for scripts).
 */
export function securityHeaders(issuer: string) {
  const identityProvider = new URL(issuer).origin;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", identityProvider],
        frameSrc: [identityProvider],
        formAction: ["'self'", identityProvider],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    // The login page of the identity provider is a top-level navigation: no opener needed.
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

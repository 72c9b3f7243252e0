import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { Actor, actorFromClaims } from './actor';

/**
 * Checks bearer tokens against the issuer's published keys (OpenID Connect discovery, then
 * its JWKS, cached and refreshed by jose when a new key id appears). Nothing else is
 * trusted: not the token's own header, not a claim the issuer did not sign.
 */
export class TokenVerifier {
  private keys?: Promise<ReturnType<typeof createRemoteJWKSet>>;

  constructor(
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  /** The actor of a valid access token; throws when it is not one. */
  async verify(token: string): Promise<Actor> {
    const { payload } = await jwtVerify(token, await this.jwks(), {
      issuer: this.issuer,
      audience: this.audience,
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      clockTolerance: 30,
    });
    // Keycloak marks access tokens "Bearer"; an ID or refresh token is not accepted here.
    if (payload['typ'] !== undefined && payload['typ'] !== 'Bearer')
      throw new Error(`a ${String(payload['typ'])} token is not an access token`);
    return actorFromClaims(payload as JWTPayload & Record<string, unknown>);
  }

  private jwks() {
    this.keys ??= this.discover().catch((err: unknown) => {
      this.keys = undefined; // the issuer may be starting: ask again next time
      throw err;
    });
    return this.keys;
  }

  private async discover() {
    const res = await fetch(`${this.issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`the issuer's discovery document answered ${res.status}`);
    const { jwks_uri: jwksUri } = (await res.json()) as { jwks_uri?: string };
    if (!jwksUri) throw new Error("the issuer's discovery document names no jwks_uri");
    return createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5000 });
  }
}

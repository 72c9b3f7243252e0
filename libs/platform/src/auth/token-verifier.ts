import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { Actor, actorFromClaims } from './actor';

/** The clock difference with the issuer that is forgiven, in seconds. */
const CLOCK_TOLERANCE_S = 30;
/** Verified tokens remembered at most (a few hundred kilobytes). */
const REMEMBERED_TOKENS = 500;

/**
 * Checks bearer tokens against the issuer's published keys (OpenID Connect discovery, then
 * its JWKS, cached and refreshed by jose when a new key id appears). Nothing else is
 * trusted: not the token's own header, not a claim the issuer did not sign.
 */
export class TokenVerifier {
  private keys?: Promise<ReturnType<typeof createRemoteJWKSet>>;
  /**
   * Tokens already verified, until they expire: an officer's page or a service account sends
   * the same token for minutes, and checking its signature again cost the services about
   * 6 ms of CPU per dossier (issue 18, --cpu-prof). Keyed by the whole token, signature
   * included, so a token that differs in any byte is verified afresh.
   */
  private readonly verified = new Map<string, { actor: Actor; expiresAt: number }>();

  constructor(
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  /** The actor of a valid access token; throws when it is not one. */
  async verify(token: string): Promise<Actor> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAt) return known.actor;
    this.verified.delete(token);
    const { payload } = await jwtVerify(token, await this.jwks(), {
      issuer: this.issuer,
      audience: this.audience,
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      clockTolerance: CLOCK_TOLERANCE_S,
    });
    // Keycloak marks access tokens "Bearer"; an ID or refresh token is not accepted here.
    if (payload['typ'] !== undefined && payload['typ'] !== 'Bearer')
      throw new Error(`a ${String(payload['typ'])} token is not an access token`);
    const actor = actorFromClaims(payload as JWTPayload & Record<string, unknown>);
    if (payload.exp !== undefined) this.remember(token, actor, payload.exp);
    return actor;
  }

  private remember(token: string, actor: Actor, exp: number): void {
    if (this.verified.size >= REMEMBERED_TOKENS) {
      // The oldest first (a Map keeps insertion order): a bounded memory, whoever calls.
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, { actor, expiresAt: (exp + CLOCK_TOLERANCE_S) * 1000 });
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

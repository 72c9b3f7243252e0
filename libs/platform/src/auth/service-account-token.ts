/** Who a service is to the identity provider when it calls another service of ours. */
export interface ServiceAccount {
  /** The realm's issuer URL (OIDC_ISSUER_URL): its token endpoint is below it. */
  issuerUrl: string;
  /** The confidential client whose service account calls; unset: not configured. */
  clientId?: string;
  clientSecret?: string;
  /** A login with no answer by then is abandoned. */
  timeoutMs: number;
}

/** The identity provider refused the service account or could not be reached. */
export class ServiceAccountLoginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceAccountLoginError';
  }
}

/**
 * A confidential client's access token (client-credentials grant), cached until shortly
 * before it expires, so that a service calling another one logs in about once per token
 * lifetime rather than once per call. Concurrent callers share one login. The caller drops
 * the token with `forget()` when a service answers 401 (e.g. the realm's keys rotated).
 */
export class ServiceAccountToken {
  /** A token this close to its expiry is renewed: it must outlive the call it is sent with. */
  static readonly RENEW_BEFORE_MS = 30_000;

  private token?: { value: string; expiresAt: number };
  private loggingIn?: Promise<string>;

  constructor(private readonly account: ServiceAccount) {}

  get configured(): boolean {
    return !!(this.account.clientId && this.account.clientSecret);
  }

  /** A valid access token: the cached one, or a fresh one from the token endpoint. */
  async value(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + ServiceAccountToken.RENEW_BEFORE_MS)
      return this.token.value;
    this.loggingIn ??= this.login().finally(() => (this.loggingIn = undefined));
    return this.loggingIn;
  }

  forget(): void {
    this.token = undefined;
  }

  private async login(): Promise<string> {
    if (!this.configured)
      throw new ServiceAccountLoginError('the service account is not configured');
    const issuer = this.account.issuerUrl.replace(/\/+$/, '');
    let res: Response;
    try {
      res = await fetch(`${issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: this.account.clientId ?? '',
          client_secret: this.account.clientSecret ?? '',
        }),
        signal: AbortSignal.timeout(this.account.timeoutMs),
      });
    } catch (err) {
      throw new ServiceAccountLoginError(
        `the identity provider did not answer: ${(err as Error).message}`,
      );
    }
    if (!res.ok)
      throw new ServiceAccountLoginError(
        `the service account could not log in: HTTP ${res.status}`,
      );
    const body = (await res.json()) as { access_token: string; expires_in: number };
    this.token = { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    return body.access_token;
  }
}

import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type CircuitBreaker from 'opossum';
import type { ParcelRefV1 } from '@lien-thong/contracts';
import { LAND_REGISTRY_AGENCY_API, LandUseRightAnswer } from '@lien-thong/agency-contracts';
import { policyFor, requestBreaker } from '@lien-thong/resilience';
import { HttpAnswer, httpCall, SERVICE_CONFIG, ServiceAccountToken } from '@lien-thong/platform';
import { ConstructionConfig } from '../config/construction.config';

/** How a look-up ended, for the service to answer the officer. */
export type LandRegistryAnswer =
  | { kind: 'found'; answer: LandUseRightAnswer }
  | { kind: 'not-found' }
  | { kind: 'other-province' }
  | { kind: 'unavailable'; why: string };

class LandRegistryFailure extends Error {}

/**
 * The land registry's agency API, with the construction service account's own token
 * (client credentials, cached until shortly before it expires), through a circuit breaker
 * with a timeout that really cancels the request. The land registry is not an external
 * agency (it has no AgencyClients entry, nor an availability event): its breaker only keeps
 * officers from waiting on a registry that is down.
 */
@Injectable()
export class LandRegistryClient implements OnApplicationShutdown {
  private readonly logger = new Logger('land-registry client');
  private readonly breaker: CircuitBreaker<[string], LandRegistryAnswer>;
  private readonly token: ServiceAccountToken;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ConstructionConfig) {
    this.token = new ServiceAccountToken({
      issuerUrl: config.OIDC_ISSUER_URL,
      clientId: config.OIDC_CONSTRUCTION_CLIENT_ID,
      clientSecret: config.OIDC_CONSTRUCTION_CLIENT_SECRET,
      timeoutMs: config.LAND_REGISTRY_TIMEOUT_MS,
    });
    // The same thresholds as the department's breaker; the timeout is the look-up's own.
    this.breaker = requestBreaker(
      'land-registry',
      'the land registry',
      policyFor('construction', config.AGENCY_POLICY_OVERRIDES),
      (path: string) => this.get(path), // get() aborts the request itself
      this.logger,
    );
  }

  get configured(): boolean {
    return this.token.configured;
  }

  async landUseRight(parcel: ParcelRefV1): Promise<LandRegistryAnswer> {
    try {
      return await this.breaker.fire(LAND_REGISTRY_AGENCY_API.landUseRight(parcel));
    } catch (err) {
      const open = (err as { code?: string }).code === 'EOPENBREAKER';
      return { kind: 'unavailable', why: open ? 'breaker open' : String(err) };
    }
  }

  private async get(path: string): Promise<LandRegistryAnswer> {
    const url = `${this.config.LAND_REGISTRY_URL.replace(/\/+$/, '')}${path}`;
    let res: HttpAnswer;
    try {
      res = await httpCall(url, {
        headers: { authorization: `Bearer ${await this.token.value()}` },
        timeoutMs: this.config.LAND_REGISTRY_TIMEOUT_MS,
      });
    } catch (err) {
      throw new LandRegistryFailure(`the land registry did not answer: ${(err as Error).message}`);
    }
    if (res.status === 404) return { kind: 'not-found' };
    if (res.status === 403) return { kind: 'other-province' };
    if (res.status === 401) this.token.forget();
    if (!res.ok) throw new LandRegistryFailure(`the land registry answered HTTP ${res.status}`);
    return { kind: 'found', answer: JSON.parse(res.text) as LandUseRightAnswer };
  }

  onApplicationShutdown(): void {
    this.breaker.shutdown();
  }
}

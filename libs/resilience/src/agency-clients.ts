import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Agency, BreakerState, Topics } from '@lien-thong/contracts';
import {
  DependencyHealth,
  HealthIndicator,
  METRICS,
  SERVICE_INFO,
  ServiceInfo,
} from '@lien-thong/platform';
import {
  AgencyGate,
  BROKER_CLIENT,
  BrokerClient,
  EventFactory,
  Topology,
} from '@lien-thong/messaging';
import { AgencyClient } from './breaker/agency-client';
import { policyFor } from './breaker/default-policies';

export interface AgencyEndpoint {
  agency: Agency;
  baseUrl: string;
}

export const AGENCY_ENDPOINTS = Symbol('AGENCY_ENDPOINTS');
export const AGENCY_POLICY_OVERRIDES = Symbol('AGENCY_POLICY_OVERRIDES');

const STATE_VALUE: Record<BreakerState, number> = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 };
const breakerGauge = new Gauge({
  name: 'agency_breaker_state',
  help: 'Circuit breaker state per external agency: 0 closed, 1 half-open, 2 open',
  labelNames: ['agency'],
  registers: [METRICS],
});

/**
 * The agencies this service calls, one breaker each. A state change is logged, exported as
 * a metric, reported by /health and published as an AgencyAvailabilityChanged event.
 */
@Injectable()
export class AgencyClients implements HealthIndicator, AgencyGate, OnApplicationShutdown {
  readonly name = 'agencies';
  private readonly logger = new Logger('agencies');
  private readonly clients = new Map<Agency, AgencyClient>();
  /** How often each breaker opened since start (the chaos audit reads this). */
  readonly opens: Partial<Record<Agency, number>> = {};
  /** When deferred work was last let through to try a half-open breaker, per agency. */
  private readonly trials = new Map<Agency, number>();

  constructor(
    @Inject(AGENCY_ENDPOINTS) endpoints: AgencyEndpoint[],
    @Inject(AGENCY_POLICY_OVERRIDES) overrides: string | undefined,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
    @Optional() @Inject(BROKER_CLIENT) private readonly broker?: BrokerClient,
    @Optional() private readonly events?: EventFactory,
    @Optional() private readonly topology?: Topology,
  ) {
    for (const { agency, baseUrl } of endpoints) {
      this.clients.set(
        agency,
        new AgencyClient(agency, baseUrl, policyFor(agency, overrides), (a, s) =>
          this.changed(a, s),
        ),
      );
      breakerGauge.set({ agency }, 0);
    }
  }

  get(agency: Agency): AgencyClient {
    const client = this.clients.get(agency);
    if (!client) throw new Error(`${this.info.name} has no endpoint configured for ${agency}`);
    return client;
  }

  /**
   * Deferred work for an agency waits while its breaker is open. Half-open, one event at a
   * time goes through as the trial (again if its call has not settled within the agency's
   * timeout), and the rest wait for the verdict; closed, everything goes, in order.
   */
  shouldWait(agency: string): boolean {
    const client = this.clients.get(agency as Agency);
    if (!client) return false;
    const state = client.state;
    if (state !== 'HALF_OPEN') return state === 'OPEN';
    const last = this.trials.get(client.agency) ?? 0;
    if (Date.now() - last < client.policy.timeoutMs + 1000) return true;
    this.trials.set(client.agency, Date.now());
    return false;
  }

  /** Reports each breaker; an open breaker does not make this service unhealthy. */
  check(): Promise<DependencyHealth> {
    const breakers = Object.fromEntries(
      [...this.clients].map(([agency, client]) => [agency, client.stats]),
    );
    return Promise.resolve({ status: 'up', breakers, opens: this.opens });
  }

  private changed(agency: Agency, state: BreakerState): void {
    breakerGauge.set({ agency }, STATE_VALUE[state]);
    this.trials.delete(agency);
    if (state === 'OPEN') this.opens[agency] = (this.opens[agency] ?? 0) + 1;
    const log = state === 'OPEN' ? 'warn' : 'log';
    this.logger[log](`breaker for ${agency} is now ${state}`);
    if (!this.broker || !this.events || !this.topology) return;
    const entry = this.events.create(Topics.AgencyAvailabilityChanged, agency, {
      agency,
      state,
      observedBy: this.info.name,
    });
    this.broker
      .send([
        {
          topic: this.topology.topic(Topics.AgencyAvailabilityChanged),
          key: entry.key,
          value: entry.value,
          headers: entry.headers,
        },
      ])
      .catch((err: unknown) =>
        this.logger.warn(`could not publish the breaker change of ${agency}: ${String(err)}`),
      );
  }

  onApplicationShutdown(): void {
    for (const client of this.clients.values()) client.shutdown();
  }
}

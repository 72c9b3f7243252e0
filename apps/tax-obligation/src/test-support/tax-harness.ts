import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AgencyName, AgencyStats, SIMULATOR_ADMIN_API } from '@lien-thong/agency-contracts';
import {
  createEnvelope,
  EventEnvelope,
  PayloadOf,
  TopicName,
  Topics,
  TransferSlipSentV1,
} from '@lien-thong/contracts';
import { InboxRepository, BrokerClient, createBrokerClient, Topology } from '@lien-thong/messaging';
import type { Admin } from 'kafkajs';
import { SIGNATURE_HEADER, signWebhook } from '@lien-thong/platform';
import {
  SAMPLE_USERS,
  authAs,
  groupConsumed,
  signatureHeaders,
  testInfra,
  testKafka,
} from '@lien-thong/testing';
import { TaxAssessment } from '../assessments/schemas/tax-assessment.schema';

export interface Answer<T> {
  status: number;
  body: T;
}

export async function http<T>(
  url: string,
  method = 'GET',
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const res = await fetch(url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/**
 * Plays the land office (publishes slips) and the citizen (pays through the simulators'
 * admin API) around a running tax-obligation service.
 */
export class TaxHarness {
  private readonly producer: BrokerClient;
  private readonly topology: Topology;
  private admin?: Admin;

  constructor(
    private readonly app: INestApplication,
    readonly serviceUrl: string,
    readonly simulatorsUrl: string,
    brokers: string,
    private readonly paymentSecret: string,
  ) {
    this.producer = createBrokerClient({
      brokers: brokers.split(','),
      clientId: 'tax-obligation-test-land-office',
      sasl: testInfra().kafkaSuperuser,
    });
    this.topology = app.get(Topology);
  }

  /** Publishes a slip as land-registry would; `again` resends an earlier envelope as is. */
  async sendSlip(
    slip: TransferSlipSentV1,
    again?: EventEnvelope<TransferSlipSentV1>,
  ): Promise<EventEnvelope<TransferSlipSentV1>> {
    const envelope =
      again ??
      createEnvelope(Topics.TransferSlipSent, slip.dossierCode, slip, 'land-registry', {
        correlationId: randomUUID(),
      });
    await this.producer.send([
      {
        topic: this.topology.topic(Topics.TransferSlipSent),
        key: slip.dossierCode,
        value: JSON.stringify(envelope),
        headers: signatureHeaders(Topics.TransferSlipSent, envelope),
      },
    ]);
    return envelope;
  }

  /** Publishes a land-registry event (a refusal, a withdrawal) about one dossier. */
  async sendLandEvent<T extends TopicName>(
    topic: T,
    dossierCode: string,
    payload: PayloadOf<T>,
  ): Promise<EventEnvelope<PayloadOf<T>>> {
    const envelope = createEnvelope(topic, dossierCode, payload, 'land-registry', {
      correlationId: randomUUID(),
    });
    await this.producer.send([
      {
        topic: this.topology.topic(topic),
        key: dossierCode,
        value: JSON.stringify(envelope),
        headers: signatureHeaders(topic, envelope),
      },
    ]);
    return envelope;
  }

  /** Whether an event of a handler that records it in the inbox was handled. */
  async handled(eventId: string): Promise<boolean> {
    return this.app.get(InboxRepository).has(this.topology.groupId, eventId);
  }

  /** Whether the service took everything published on a topic so far (the slips leave no inbox record). */
  async consumed(topic: TopicName): Promise<boolean> {
    if (!this.admin) {
      this.admin = testKafka('tax-obligation-test-admin').admin();
      await this.admin.connect();
    }
    return groupConsumed(this.admin, this.topology.groupId, this.topology.topic(topic));
  }

  countAssessments(dossierCode: string): Promise<number> {
    const model = this.app.get<Model<TaxAssessment>>(getModelToken(TaxAssessment.name));
    return model.countDocuments({ dossierCode }).exec();
  }

  /** Calls the service as a sample user: the Hà Nội tax officer unless told otherwise. */
  async service<T>(
    path: string,
    method = 'GET',
    body?: unknown,
    as: string = SAMPLE_USERS.taxHaNoi,
  ): Promise<Answer<T>> {
    return http<T>(`${this.serviceUrl}${path}`, method, body, await authAs(as));
  }

  /** Sends a payment callback as the gateway does: signed with its secret (or `secret`). */
  callback<T>(body: unknown, secret = this.paymentSecret): Promise<Answer<T>> {
    return http<T>(`${this.serviceUrl}/payments/callback`, 'POST', body, {
      [SIGNATURE_HEADER]: signWebhook(secret, JSON.stringify(body)),
    });
  }

  /** The simulators' controls, as the operator. */
  async simulators<T>(path: string, method = 'GET', body?: unknown): Promise<Answer<T>> {
    return http<T>(
      `${this.simulatorsUrl}${path}`,
      method,
      body,
      await authAs(SAMPLE_USERS.operator),
    );
  }

  async agencyStats(agency: AgencyName): Promise<AgencyStats> {
    return (await this.simulators<AgencyStats>(SIMULATOR_ADMIN_API.agencyStats(agency))).body;
  }

  async close(): Promise<void> {
    await this.admin?.disconnect();
    await this.producer.close();
  }
}

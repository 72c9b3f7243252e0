import mongoose, { Connection } from 'mongoose';
import { testInfra } from '@lien-thong/test-infra';
import type { Stack, StackService } from '../stack';

/** The aggregates that carry an outbox (addOutbox), per service. */
const OUTBOX_COLLECTIONS: Partial<Record<StackService, string[]>> = {
  'land-registry': ['dossiers'],
  'secured-transactions': ['parcel_checks', 'hold_notices'],
  'tax-obligation': ['assessments'],
  notification: ['deliveries'],
  construction: ['opinion_requests'],
};

/**
 * Read-only access to every service's own database, as an auditor with database access
 * would have it (the services never share theirs).
 */
export class ChaosDatabases {
  private readonly connections = new Map<StackService, Promise<Connection>>();

  constructor(private readonly stack: Stack) {}

  db(service: StackService): Promise<Connection> {
    let connection = this.connections.get(service);
    if (!connection) {
      const infra = testInfra();
      // The simulators keep theirs on a database server of their own (tools/infra/provision.mjs).
      const url = service === 'agency-simulators' ? infra.simulatorsMongoUrl : infra.mongoUrl;
      connection = mongoose
        .createConnection(url, {
          dbName: `${this.stack.namespace}-${service}`,
          serverSelectionTimeoutMS: 10_000,
        })
        .asPromise();
      this.connections.set(service, connection);
    }
    return connection;
  }

  async find<T extends object>(
    service: StackService,
    collection: string,
    filter: Record<string, unknown> = {},
    projection?: Record<string, 0 | 1>,
  ): Promise<T[]> {
    const db = await this.db(service);
    const cursor = db.collection(collection).find(filter, projection ? { projection } : {});
    return (await cursor.toArray()) as unknown as T[];
  }

  async count(
    service: StackService,
    collection: string,
    filter: Record<string, unknown> = {},
  ): Promise<number> {
    const db = await this.db(service);
    return db.collection(collection).countDocuments(filter);
  }

  /** Events still waiting in an outbox, over the service's collections that have one. */
  async pendingOutbox(service: StackService): Promise<number> {
    const db = await this.db(service);
    const counts = await Promise.all(
      (OUTBOX_COLLECTIONS[service] ?? []).map((name) =>
        db.collection(name).countDocuments({ outboxPending: true }),
      ),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  async close(): Promise<void> {
    const all = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(all.map(async (c) => (await c.catch(() => undefined))?.close()));
  }
}

// Which hot queries an index serves (issue 18: "every hot query uses an index"), as the
// database itself says with explain. The filters are those the services send per event,
// per request or per sweep tick (found in apps/*/src/**/*.repository.ts and libs/messaging);
// a look-up by _id alone is left out (the primary key serves it on every server).
//
// mongod answers IXSCAN or COLLSCAN. FerretDB 1.24 on PostgreSQL shows PostgreSQL's plan
// ("Bitmap Index Scan", "Seq Scan") and whether it pushed the filter or sort down to SQL at
// all (pushdown: no means it read the whole collection and filtered in Go). Only top-level
// equality and $in reach an index there (tools/infra/mongo.mjs); on a table of a few hundred
// rows PostgreSQL may still prefer reading it whole, so look with a history (--history).
import mongoose from 'mongoose';
import { table } from './stats';

interface HotQuery {
  service: string;
  collection: string;
  filter: Record<string, unknown>;
  sort?: Record<string, 1 | -1>;
  /** Where the services send it, and how often. */
  where: string;
}

const at = new Date();
const HOT: HotQuery[] = [
  {
    service: 'land-registry',
    collection: 'dossiers',
    filter: {
      'parcel.ref.communeCode': '00004',
      'parcel.ref.mapSheetNumber': 50,
      'parcel.ref.parcelNumber': 1,
      status: { $in: ['CHECKING_PARCEL', 'IN_REVIEW'] },
    },
    where: "a parcel's running dossiers (per submission)",
  },
  {
    service: 'land-registry',
    collection: 'dossiers',
    filter: { status: { $in: ['IN_REVIEW'] }, waitingFor: null },
    where: 'steps not waiting (agency outage sweep)',
  },
  {
    service: 'land-registry',
    collection: 'dossiers',
    filter: { status: { $in: ['WAITING_FOR_TAX'] }, 'waitingFor.agency': 'TAX' },
    where: 'dossiers waiting for an agency (outage sweep)',
  },
  {
    service: 'land-registry',
    collection: 'dossiers',
    filter: {
      status: { $in: ['WAITING_FOR_TAX'] },
      'handoff.dueAt': { $lt: at },
      'handoff.lateFlaggedAt': null,
    },
    where: 'late hand-offs (sweep tick)',
  },
  {
    service: 'land-registry',
    collection: 'dossiers',
    filter: { cadastralPending: true },
    where: 'cadastral writes pending (sweep tick)',
  },
  {
    service: 'land-registry',
    collection: 'dossiers',
    filter: { outboxPending: true },
    where: 'outbox relay poll',
  },
  {
    service: 'land-registry',
    collection: 'dossier_notifications',
    filter: { dossierCode: 'X' },
    sort: { at: 1, _id: 1 },
    where: "a dossier's notifications (dossier view)",
  },
  {
    service: 'land-registry',
    collection: 'dossiers',
    filter: { unit: 'X', status: { $in: ['IN_REVIEW'] } },
    sort: { receivedAt: 1 },
    where: "a unit's work in some steps (officer console)",
  },
  {
    service: 'land-registry',
    collection: 'audit_log',
    filter: { dossierCode: 'X' },
    sort: { _id: 1 },
    where: "a dossier's audit records",
  },
  {
    service: 'secured-transactions',
    collection: 'parcel_checks',
    filter: { parcelKey: '00004/50/1', source: 'REGISTRY', checkedAt: { $gte: at } },
    sort: { checkedAt: -1 },
    where: 'recent registry answer (per check)',
  },
  {
    service: 'secured-transactions',
    collection: 'hold_notices',
    filter: {
      parcelKey: '00004/50/1',
      $or: [{ placedAt: { $gte: at } }, { liftedAt: { $gte: at } }],
    },
    where: 'holds on a parcel (per check)',
  },
  {
    service: 'secured-transactions',
    collection: 'land_office_mortgages',
    filter: { parcelKey: '00004/50/1', registeredAt: { $ne: null }, releasedAt: null },
    sort: { registeredAt: 1 },
    where: 'mortgages on a parcel (per check)',
  },
  {
    service: 'secured-transactions',
    collection: 'parcel_checks',
    filter: { outboxPending: true },
    where: 'outbox relay poll',
  },
  {
    service: 'tax-obligation',
    collection: 'assessments',
    filter: { dossierCode: 'X' },
    sort: { slipRevision: -1 },
    where: "a dossier's assessments (per slip, per payment)",
  },
  {
    service: 'tax-obligation',
    collection: 'assessments',
    filter: { status: 'ASSESSED', totalVnd: { $gt: 0 } },
    sort: { createdAt: 1 },
    where: 'unpaid assessments (sweep tick)',
  },
  {
    service: 'tax-obligation',
    collection: 'assessments',
    filter: { status: 'CANCELLING' },
    where: 'cancellations (sweep tick)',
  },
  {
    service: 'tax-obligation',
    collection: 'assessments',
    filter: { outboxPending: true },
    where: 'outbox relay poll',
  },
  {
    service: 'notification',
    collection: 'deliveries',
    filter: { dossierCode: 'X' },
    sort: { createdAt: 1, _id: 1 },
    where: "a dossier's deliveries",
  },
  {
    service: 'notification',
    collection: 'deliveries',
    filter: { aboutEventId: 'X', channel: 'SMS' },
    where: 'delivery of an event (unique key)',
  },
  {
    service: 'notification',
    collection: 'deliveries',
    filter: { outboxPending: true },
    where: 'outbox relay poll',
  },
  {
    service: 'construction',
    collection: 'opinion_requests',
    filter: { dossierCode: 'X' },
    where: "a dossier's opinion requests",
  },
  {
    service: 'construction',
    collection: 'opinion_requests',
    filter: { status: { $in: ['RECEIVED', 'SENT'] } },
    sort: { triedAt: 1 },
    where: 'open requests (sweep tick)',
  },
  {
    service: 'construction',
    collection: 'opinion_requests',
    filter: { outboxPending: true },
    where: 'outbox relay poll',
  },
];

export interface QueryPlan {
  service: string;
  collection: string;
  shape: string;
  where: string;
  plan: string;
  indexed: boolean;
}

/** The filter's shape: field names and operators, values left out. */
function shape(filter: Record<string, unknown>, sort?: Record<string, number>): string {
  const fields = Object.entries(filter).map(([k, v]) => {
    if (k.startsWith('$')) return k;
    const ops = v && typeof v === 'object' && !(v instanceof Date) ? Object.keys(v).join(',') : '=';
    return `${k} ${ops}`;
  });
  return `{ ${fields.join(', ')} }${sort ? ` sort ${Object.keys(sort).join(',')}` : ''}`;
}

/** What one explain answer says: the plan's scan kinds and FerretDB's pushdown flags. */
export function describePlan(explain: unknown): { plan: string; indexed: boolean } {
  const text = JSON.stringify(explain);
  const kinds = new Set<string>();
  for (const m of text.matchAll(
    /"(?:stage|Node Type)":"(IXSCAN|COLLSCAN|IDHACK|EXPRESS_IXSCAN|[A-Za-z ]*Scan)"/g,
  ))
    kinds.add(m[1]);
  const pushdown = [
    ...text.matchAll(/"(filterPushdown|sortPushdown|pushdown|limitPushdown)":(true|false)/g),
  ].map((m) => `${m[1]}=${m[2]}`);
  const indexed = [...kinds].some((k) => /IXSCAN|IDHACK|Index/.test(k));
  return {
    plan: [[...kinds].join('+') || 'unknown', ...pushdown].join(' '),
    indexed,
  };
}

/** explain for every hot query of this stack's databases. */
export async function queryPlans(mongoUrl: string, namespace: string): Promise<QueryPlan[]> {
  const plans: QueryPlan[] = [];
  for (const service of [...new Set(HOT.map((q) => q.service))]) {
    const connection = await mongoose
      .createConnection(mongoUrl, { dbName: `${namespace}-${service}` })
      .asPromise();
    try {
      for (const q of HOT.filter((h) => h.service === service)) {
        const cursor = connection.db?.collection(q.collection).find(q.filter).limit(100);
        if (q.sort) cursor?.sort(q.sort);
        const explained = await cursor?.explain().catch((err: unknown) => ({ error: String(err) }));
        plans.push({
          service,
          collection: q.collection,
          shape: shape(q.filter, q.sort),
          where: q.where,
          ...describePlan(explained),
        });
      }
    } finally {
      await connection.close();
    }
  }
  return plans;
}

export function printQueryPlans(plans: QueryPlan[]): void {
  console.log(
    `\nhot queries and their plans (explain)\n${table(
      ['service', 'collection', 'filter shape', 'sent', 'plan', 'index'],
      plans.map((p) => [
        p.service,
        p.collection,
        p.shape,
        p.where,
        p.plan,
        p.indexed ? 'yes' : 'NO',
      ]),
    )}`,
  );
}

// History for `npm run bench -- --history <n>` (issue 18, "flat with history"): n finished
// dossiers written straight into the services' databases before a measured phase, so that
// the run shows whether a look-up gets slower as data accumulates (fresh-database runs hide
// it: FerretDB answers many filters by scanning the collection).
//
// Shaped exactly like what the services store because they are what the services stored:
// every document of a warm-up dossier that finished (its dossier and parcel, check,
// assessment, deliveries, contact, inbox records, notifications…), found in each service's
// database by the dossier's code or one of its event ids, is a template. Each copy gets a
// new code (same unit, an earlier day), a parcel of its own (map sheets from 5000 up, which
// the generated cadastral book never uses), new event ids, ObjectIds and certificate serials,
// and every date moved back by that many days; then insertMany, a few thousand at a time.
// The simulators' database (another agency's) gets none: their history is not ours.
// An audit log is a hash chain whose _id is the sequence number: its copies are appended at
// its end, each sealed as the service seals a record (the service re-reads the end when its
// next insert finds the number taken).
import { randomUUID } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import { AUDIT_COLLECTION, ChainTail, sealRecord, StoredAuditRecord } from '@lien-thong/audit';
import { round } from './stats';

const { EJSON, ObjectId } = mongoose.mongo.BSON;

/** Dossiers of one day in the copies' codes and dates (200,000 span 200 days). */
const PER_DAY = 1000;
const DAY_MS = 86_400_000;
/** Never copied: failures and leases belong to no finished dossier. */
const SKIPPED = new Set(['dead_letters', 'document_leases']);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const OID = /\{"\$oid":"([0-9a-f]{24})"\}/g;
const DATE = /\{"\$date":"([^"]+)"\}/g;

interface Template {
  code: string;
  parcel: { communeCode: string; mapSheetNumber: number; parcelNumber: number } | null;
  serials: string[];
  /** EJSON (relaxed) of each document, by service and collection. */
  docs: { service: string; collection: string; text: string }[];
}

export interface HistoryTemplates {
  templates: Template[];
  /** Documents that belonged to more than one template dossier, so to none (not copied). */
  shared: string[];
}

const relatedTo = (text: string, seeds: string[]) => seeds.some((s) => text.includes(s));

/**
 * Reads the documents of `codes` (finished dossiers) from each service's database, right
 * after they finished: later phases resell their parcels.
 */
export async function captureTemplates(options: {
  mongoUrl: string;
  namespace: string;
  services: readonly string[];
  codes: string[];
  eventIdsOf: (code: string) => string[];
}): Promise<HistoryTemplates> {
  const seeds = new Map(options.codes.map((c) => [c, [c, ...options.eventIdsOf(c)]]));
  const all: { service: string; collection: string; text: string; id: string }[] = [];
  for (const service of options.services) {
    const connection = await connect(options.mongoUrl, options.namespace, service);
    try {
      const db = connection.db;
      for (const { name } of (await db?.listCollections().toArray()) ?? []) {
        if (name.startsWith('system.') || SKIPPED.has(name)) continue;
        for (const doc of (await db?.collection(name).find({}).toArray()) ?? []) {
          const text = EJSON.stringify(doc, { relaxed: true });
          all.push({ service, collection: name, text, id: JSON.stringify(doc._id) });
        }
      }
    } finally {
      await connection.close();
    }
  }
  // What names a document of the dossier by its _id (or its parcel) belongs to it too.
  const owners = (text: string) => options.codes.filter((c) => relatedTo(text, seeds.get(c) ?? []));
  for (const d of all) {
    const mine = owners(d.text);
    if (mine.length !== 1) continue;
    const own = seeds.get(mine[0]) ?? [];
    if (d.id.length > 12) own.push(d.id);
    if (d.service === 'land-registry' && d.collection === 'dossiers') {
      const ref = (EJSON.parse(d.text) as { parcel?: { ref?: Template['parcel'] } }).parcel?.ref;
      if (ref) own.push(`"${ref.communeCode}/${ref.mapSheetNumber}/${ref.parcelNumber}"`);
    }
  }
  const templates: Template[] = options.codes.map((code) => ({
    code,
    parcel: null,
    serials: [],
    docs: [],
  }));
  const shared: string[] = [];
  for (const d of all) {
    const mine = owners(d.text);
    if (mine.length > 1) shared.push(`${d.service}.${d.collection} ${d.id}`);
    if (mine.length !== 1) continue;
    const t = templates[options.codes.indexOf(mine[0])];
    t.docs.push({ service: d.service, collection: d.collection, text: d.text });
    if (d.service === 'land-registry' && d.collection === 'dossiers') {
      const dossier = EJSON.parse(d.text) as { parcel?: { ref?: Template['parcel'] } };
      t.parcel = dossier.parcel?.ref ?? null;
    }
  }
  for (const t of templates) {
    const serials = new Set<string>();
    for (const d of t.docs)
      for (const m of d.text.matchAll(/"serial":"([A-Z]{2}\d{6,8})"/g)) serials.add(m[1]);
    t.serials = [...serials];
  }
  return { templates: templates.filter((t) => t.docs.length > 0 && t.parcel), shared };
}

/** The i-th copy of a template: new identities, dates `days` back. */
function copyOf(
  t: Template,
  i: number,
): { code: string; docs: { service: string; collection: string; doc: object }[] } {
  const day = Math.floor(i / PER_DAY) + 1;
  const shift = day * DAY_MS;
  const code = copyCode(t.code, day, (i % PER_DAY) + 1, i);
  const p = t.parcel as NonNullable<Template['parcel']>;
  const sheet = 5000 + Math.floor(i / 1000);
  const number = 1 + (i % 1000);
  const oldKey = new RegExp(
    `${escape(`${p.communeCode}/${p.mapSheetNumber}/${p.parcelNumber}`)}(?!\\d)`,
    'g',
  );
  const oldRef = new RegExp(
    `"mapSheetNumber":${p.mapSheetNumber},"parcelNumber":${p.parcelNumber}(?=[,}])`,
    'g',
  );
  const uuids = new Map<string, string>();
  const oids = new Map<string, string>();
  const docs = t.docs.map((d) => {
    let text = d.text.split(t.code).join(code);
    text = text
      .replace(oldKey, `${p.communeCode}/${sheet}/${number}`)
      .replace(oldRef, `"mapSheetNumber":${sheet},"parcelNumber":${number}`)
      .replace(UUID, (u) => uuids.get(u) ?? set(uuids, u, randomUUID()))
      .replace(
        OID,
        (_, o: string) => `{"$oid":"${oids.get(o) ?? set(oids, o, new ObjectId().toHexString())}"}`,
      )
      .replace(
        DATE,
        (_, at: string) => `{"$date":"${new Date(Date.parse(at) - shift).toISOString()}"}`,
      );
    t.serials.forEach((s, k) => {
      text = text.split(`"${s}"`).join(`"L${String.fromCharCode(65 + k)}${pad(i, 8)}"`);
    });
    return {
      service: d.service,
      collection: d.collection,
      doc: EJSON.parse(text, { relaxed: true }) as object,
    };
  });
  return { code, docs };
}

/** Same unit, the copy's day (YYMMDD) and its number that day. */
function copyCode(code: string, day: number, seq: number, i: number): string {
  const m = /^(.+)-(\d{2})(\d{2})(\d{2})-(.+)$/.exec(code);
  if (!m) return `${code}-H${i}`;
  const date = new Date(
    Date.UTC(2000 + Number(m[2]), Number(m[3]) - 1, Number(m[4])) - day * DAY_MS,
  );
  const yymmdd = date.toISOString().slice(2, 10).replace(/-/g, '');
  return `${m[1]}-${yymmdd}-${m[5].slice(0, -4)}${pad(seq, 4)}`;
}

export interface HistoryLoaded {
  dossiers: number;
  documents: number;
  seconds: number;
  failed: number;
  firstError?: string;
  /** Documents per dossier, by service.collection. */
  perDossier: Record<string, number>;
  /** Of `seconds`, the benchmark's own time spent making the copies (the rest: writing). */
  generateSec: number;
  /** The copies' codes: no event should ever name one. */
  codes: Set<string>;
}

/** Writes `count` copies of the templates (round robin), `batch` documents per insertMany. */
export async function loadHistory(options: {
  mongoUrl: string;
  namespace: string;
  history: HistoryTemplates;
  count: number;
  batch?: number;
  log: (m: string) => void;
}): Promise<HistoryLoaded> {
  const { templates } = options.history;
  if (templates.length === 0) throw new Error('no finished dossier to copy as history');
  const batch = options.batch ?? 2000;
  const started = Date.now();
  const connections = new Map<string, Connection>();
  const services = [...new Set(templates.flatMap((t) => t.docs.map((d) => d.service)))];
  for (const s of services)
    connections.set(s, await connect(options.mongoUrl, options.namespace, s));
  const tails = new Map<string, ChainTail | null>();
  for (const s of services) {
    const last = await connections
      .get(s)
      ?.db?.collection<StoredAuditRecord>(AUDIT_COLLECTION)
      .findOne({}, { sort: { _id: -1 }, projection: { _id: 1, hash: 1 } });
    tails.set(s, last ? { seq: last._id, hash: last.hash } : null);
  }
  const chained = (service: string, copy: object): StoredAuditRecord => {
    const { actor, action, dossierCode, ip, details, at } = copy as StoredAuditRecord;
    const sealed = sealRecord(
      { actor, action, dossierCode, ip, details },
      at,
      tails.get(service) ?? null,
    );
    tails.set(service, { seq: sealed._id, hash: sealed.hash });
    return sealed;
  };
  const pending = new Map<string, object[]>();
  const perDossier: Record<string, number> = {};
  const codes = new Set<string>();
  let generateMs = 0;
  let documents = 0;
  let failed = 0;
  let firstError: string | undefined;
  let inFlight: Promise<void>[] = [];
  const flush = (key: string) => {
    const docs = pending.get(key) ?? [];
    pending.delete(key);
    if (docs.length === 0) return;
    const [service, collection] = key.split('|');
    const db = connections.get(service)?.db;
    inFlight.push(
      (async () => {
        try {
          await db?.collection(collection).insertMany(docs, { ordered: false });
        } catch (err) {
          const result = (err as { result?: { insertedCount?: number } }).result;
          failed += docs.length - (result?.insertedCount ?? 0);
          firstError ??= `${collection}: ${err instanceof Error ? err.message : String(err)}`;
        }
      })(),
    );
  };
  try {
    let nextReport = Date.now() + 15_000;
    for (let i = 0; i < options.count; i++) {
      const t = performance.now();
      const copy = copyOf(templates[i % templates.length], i);
      generateMs += performance.now() - t;
      codes.add(copy.code);
      for (const { service, collection, doc } of copy.docs) {
        const key = `${service}|${collection}`;
        const list = pending.get(key) ?? [];
        list.push(collection === AUDIT_COLLECTION ? chained(service, doc) : doc);
        pending.set(key, list);
        documents++;
        if (i < templates.length)
          perDossier[`${service}.${collection}`] =
            (perDossier[`${service}.${collection}`] ?? 0) + 1 / templates.length;
        if (list.length >= batch) flush(key);
      }
      // At most two rounds of inserts in flight: generating the next while the database writes.
      if (inFlight.length >= 2 * services.length) {
        await Promise.all(inFlight);
        inFlight = [];
      }
      if (Date.now() > nextReport) {
        const s = (Date.now() - started) / 1000;
        options.log(
          `  history: ${i + 1}/${options.count} dossiers, ${documents} documents, ${round(s, 0)} s`,
        );
        nextReport = Date.now() + 15_000;
      }
    }
    for (const key of [...pending.keys()]) flush(key);
    await Promise.all(inFlight);
  } finally {
    for (const c of connections.values()) await c.close();
  }
  return {
    dossiers: options.count,
    documents,
    seconds: (Date.now() - started) / 1000,
    generateSec: generateMs / 1000,
    failed,
    ...(firstError ? { firstError } : {}),
    perDossier,
    codes,
  };
}

function connect(mongoUrl: string, namespace: string, service: string): Promise<Connection> {
  return mongoose.createConnection(mongoUrl, { dbName: `${namespace}-${service}` }).asPromise();
}

function set(map: Map<string, string>, key: string, value: string): string {
  map.set(key, value);
  return value;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

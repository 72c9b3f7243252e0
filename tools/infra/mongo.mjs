// A MongoDB-wire database as local processes: mongod when installed, otherwise FerretDB v1
// (built once from the Go module proxy into the user cache) on a throw-away PostgreSQL
// cluster when PostgreSQL's server is installed, else on SQLite. PostgreSQL is the default
// because FerretDB's SQLite backend scans a whole collection for most look-ups: measured
// with `npm run bench:messaging`, 5 backbone events/s on SQLite against 131 on PostgreSQL.
// LIEN_THONG_FERRETDB_BACKEND=sqlite forces SQLite.
import {
  chownSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  mkdirSync,
  rmSync,
  writeFileSync,
  chmodSync,
  renameSync,
} from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { cacheDir, versions, runDir } from './paths.mjs';
import { freePort, waitForPort } from './ports.mjs';
import { onPath, run, startGuarded } from './processes.mjs';

export function mongoPrerequisites() {
  if (onPath('mongod')) return [];
  if (existsSync(ferretBinary())) return [];
  return onPath('go') ? [] : ['Go (to build FerretDB) or mongod'];
}

/** Names the build: a binary built with other patches is another cache entry. */
const FERRETDB_PATCH = 'id-eq-1+gin-eq-2+untracked-1+one-statement-1+go-json-1';

function ferretBinary() {
  return cacheDir('ferretdb', `${versions.ferretdb}-${FERRETDB_PATCH}`, 'ferretdb');
}

/*
 * FerretDB 1.24 on PostgreSQL turns `{ _id: "x" }` into `_jsonb->'_id' @> '"x"'`, which
 * its own unique index on `_jsonb->'_id'` (a btree) cannot serve: every look-up and every
 * update by _id scanned the whole table, decompressing each document, so each cost grew
 * with the collection (measured by `npm run bench`: in the backlog drain, PostgreSQL spent
 * most of both cores on these scans). An _id is never an array, so equality is exact: the
 * patch makes a string (or ObjectID, date) _id an `=` that the index serves.
 */
function patchIdEquality(/** @type {string} */ work) {
  patchSource(
    join(work, 'internal/backends/postgresql/query.go'),
    `	case string, types.ObjectID, time.Time:
		// merge with the case below?`,
    `	case string, types.ObjectID, time.Time:
		if k == "_id" { // lien-thong: served by the unique index on _jsonb->'_id'
			filter = fmt.Sprintf("%s = %s::jsonb", metadata.IDColumn, p.Next())
			args = append(args, string(must.NotFail(sjson.MarshalSingleValue(v))))
			break
		}
		// merge with the case below?`,
  );
}

/** Replaces `anchor` in a FerretDB source file once, or fails the build loudly. */
function patchSource(
  /** @type {string} */ file,
  /** @type {string} */ anchor,
  /** @type {string} */ replacement,
) {
  const source = readFileSync(file, 'utf8');
  if (!source.includes(anchor))
    throw new Error(`FerretDB's ${file} changed: a lien-thong patch no longer applies`);
  writeFileSync(file, source.replace(anchor, replacement));
}

/*
 * FerretDB 1.24 pushes `{ field: "x" }` down as `_jsonb->$1 @> $2` (the key a parameter) and
 * creates a secondary index as a btree on `_jsonb->'field'`: PostgreSQL can never use one
 * for the other, so every look-up by a field other than _id read the whole table, and each
 * grew with history (issue 18: with 200,000 finished dossiers a tax look-up by dossier code
 * took 3–4 s). The patch makes the declared indexes serve equality and `$in` on top-level
 * fields: a non-unique index becomes a GIN index (`jsonb_path_ops`) on the same expressions,
 * a unique one keeps its btree (uniqueness) and gets such a GIN index beside it, and the
 * pushed-down filter names the field literally so that the planner matches it. `@>` stays
 * the operator: an array field containing the value still matches, and FerretDB filters the
 * rows again in Go, so the pushdown only narrows. `_id` keeps the `=` of the patch above
 * (also for `$in`); dotted keys and other types are pushed down as before.
 */
function patchSecondaryIndexes(/** @type {string} */ work) {
  const query = join(work, 'internal/backends/postgresql/query.go');
  patchSource(
    query,
    `				default:
					// $gt and $lt`,
    `				case "$in": // lien-thong: served by the GIN index, like equality
					if f, a := filterIn(p, key, v); f != "" {
						filters = append(filters, f)
						args = append(args, a...)
					}

				default:
					// $gt and $lt`,
  );
  patchSource(
    query,
    `func filterEqual(p *metadata.Placeholder, k any, v any, operator string) (filter string, args []any) {`,
    `func filterEqual(p *metadata.Placeholder, k any, v any, operator string) (filter string, args []any) {
	if key, ok := k.(string); ok && key != "_id" && key != "" {
		if arg, ok := indexableValue(v); ok {
			return fmt.Sprintf("%s->%s @> %s", metadata.DefaultColumn, quoteKey(key), p.Next()), []any{arg}
		}
	}

	return filterEqualAsReleased(p, k, v, operator)
}

// lien-thong: the field as a literal, as in the index expression.
func quoteKey(key string) string {
	return "'" + strings.ReplaceAll(key, "'", "''") + "'"
}

// lien-thong: the values whose equality pushdown is exact, as the released code binds them.
func indexableValue(v any) (any, bool) {
	switch v := v.(type) {
	case string, types.ObjectID, time.Time:
		return string(must.NotFail(sjson.MarshalSingleValue(v))), true
	case bool, int32:
		return v, true
	}

	return nil, false
}

// lien-thong: {k: {$in: [...]}} as an OR of equalities on a top-level key (at most 100 values).
func filterIn(p *metadata.Placeholder, k any, v any) (string, []any) {
	key, ok := k.(string)
	values, isArray := v.(*types.Array)
	if !ok || key == "" || !isArray || values.Len() == 0 || values.Len() > 100 {
		return "", nil
	}

	args := make([]any, 0, values.Len())

	for i := 0; i < values.Len(); i++ {
		arg, ok := indexableValue(must.NotFail(values.Get(i)))
		if !ok {
			return "", nil
		}

		if _, isBool := arg.(bool); key == "_id" && isBool {
			return "", nil
		}

		if _, isInt := arg.(int32); key == "_id" && isInt {
			return "", nil
		}

		args = append(args, arg)
	}

	ors := make([]string, len(args))

	for i := range args {
		if key == "_id" {
			ors[i] = fmt.Sprintf("%s = %s::jsonb", metadata.IDColumn, p.Next())
		} else {
			ors[i] = fmt.Sprintf("%s->%s @> %s", metadata.DefaultColumn, quoteKey(key), p.Next())
		}
	}

	return "(" + strings.Join(ors, " OR ") + ")", args
}

func filterEqualAsReleased(p *metadata.Placeholder, k any, v any, operator string) (filter string, args []any) {`,
  );
  const registry = join(work, 'internal/backends/postgresql/metadata/registry.go');
  patchSource(
    registry,
    `		q += "INDEX %s ON %s (%s)"`,
    `		if index.Unique {
			q += "INDEX %s ON %s (%s)"
		} else {
			q += "INDEX %s ON %s USING gin (%s)" // lien-thong
		}

		ginColumns := make([]string, len(index.Key)) // lien-thong`,
  );
  patchSource(
    registry,
    `			columns[i] = fmt.Sprintf("((%s->%s))", DefaultColumn, strings.Join(transformedParts, " -> "))
			if key.Descending {`,
    `			columns[i] = fmt.Sprintf("((%s->%s))", DefaultColumn, strings.Join(transformedParts, " -> "))
			ginColumns[i] = columns[i] + " jsonb_path_ops"
			if !index.Unique {
				columns[i] = ginColumns[i]
			} else if key.Descending {`,
  );
  patchSource(
    registry,
    `		created = append(created, index.Name)`,
    `		// lien-thong: the GIN index beside a unique btree (not _id's: equality there is "="),
		// dropped with the table.
		if index.Unique && !(len(index.Key) == 1 && index.Key[0].Field == "_id") {
			gin := fmt.Sprintf(
				"CREATE INDEX IF NOT EXISTS %s ON %s USING gin (%s)",
				pgx.Identifier{strings.TrimSuffix(index.PgIndex, "_idx") + "_gin"}.Sanitize(),
				pgx.Identifier{dbName, c.TableName}.Sanitize(),
				strings.Join(ginColumns, ", "),
			)
			if _, err = p.Exec(ctx, gin); err != nil {
				_ = r.indexesDrop(ctx, p, dbName, collectionName, created)
				return lazyerrors.Error(err)
			}
		}

		created = append(created, index.Name)`,
  );
}

/*
 * FerretDB 1.24 tracks the lifetime of every iterator it opens (two or three per command):
 * `resource.Track` adds it to a pprof profile, which records the caller's stack, and sets a
 * finalizer that panics if the iterator is collected unclosed. In a release build that is a
 * leak detector running on every command: 5 % of FerretDB's CPU in a profile of
 * `npm run bench` (issue 18), plus the finalizers' work for the collector. The patch keeps it
 * for FerretDB's debug builds only, as `debugbuild.Stack` already is.
 */
function patchResourceTracking(/** @type {string} */ work) {
  const resource = join(work, 'internal/util/resource/resource.go');
  for (const fn of ['Track', 'Untrack'])
    patchSource(
      resource,
      `func ${fn}(obj any, token *Token) {
	checkArgs(obj, token)
`,
      `func ${fn}(obj any, token *Token) {
	checkArgs(obj, token)

	if !debugbuild.Enabled { // lien-thong: a leak detector, for debug builds only
		return
	}
`,
    );
}

/*
 * FerretDB 1.24 wraps every insert and update command in BEGIN … COMMIT, also when it is one
 * statement: an update of one document, an insert of as many as fit in one INSERT. A
 * statement is atomic on its own, so the patch sends it alone and keeps the transaction for
 * commands of several statements: two round trips to PostgreSQL fewer for most writes
 * (issue 18: the transaction was 17 % of FerretDB's CPU samples, the statement included;
 * with the patch FerretDB 59 → 55 and PostgreSQL 29 → 26 ms of CPU per dossier, one run each).
 */
function patchOneStatementWrites(/** @type {string} */ work) {
  const collection = join(work, 'internal/backends/postgresql/collection.go');
  patchSource(
    collection,
    `	"github.com/jackc/pgx/v5/pgconn"
`,
    `	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
`,
  );
  patchSource(
    collection,
    `	err = pool.InTransaction(ctx, p, func(tx pgx.Tx) error {
		batchSize := c.r.BatchSize`,
    `	err = inTransactionUnlessOne(ctx, p, len(params.Docs) <= c.r.BatchSize, func(tx execer) error {
		batchSize := c.r.BatchSize`,
  );
  patchSource(
    collection,
    `	err = pool.InTransaction(ctx, p, func(tx pgx.Tx) error {
		for _, doc := range params.Docs {`,
    `	err = inTransactionUnlessOne(ctx, p, len(params.Docs) == 1, func(tx execer) error {
		for _, doc := range params.Docs {`,
  );
  const source = readFileSync(collection, 'utf8');
  writeFileSync(
    collection,
    `${source}
// lien-thong: what a statement runs on, a transaction or the pool.
type execer interface {
	Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error)
}

// lien-thong: f's one statement alone (atomic by itself), or its statements in a transaction.
func inTransactionUnlessOne(ctx context.Context, p *pgxpool.Pool, one bool, f func(tx execer) error) error {
	if one {
		return f(p)
	}

	return pool.InTransaction(ctx, p, func(tx pgx.Tx) error { return f(tx) })
}
`,
  );
}

/*
 * FerretDB 1.24 keeps each document as JSON in PostgreSQL and decodes every document it reads
 * (a find's results, an update's matches) with encoding/json, once per level of nesting:
 * 37 % of its CPU samples under the benchmark, a dossier or a tax assessment being about
 * 7 KB. The patch decodes with github.com/goccy/go-json (the same API, about twice as fast on
 * FerretDB's own benchmarks, half the memory allocated; `go test ./internal/handler/sjson/`
 * passes but for the wording of the errors on truncated input). Encoding, and so what is
 * stored, stays encoding/json's. Measured: FerretDB's CPU per dossier 55 → 45.5 ms.
 */
function patchJsonDecoding(/** @type {string} */ work) {
  const dir = join(work, 'internal/handler/sjson');
  let patched = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.go') || name.endsWith('_test.go')) continue;
    const file = join(dir, name);
    const source = readFileSync(file, 'utf8');
    const decoding = source
      .replaceAll('json.NewDecoder(', 'gojson.NewDecoder(')
      .replaceAll('json.Unmarshal(', 'gojson.Unmarshal(')
      .replaceAll('*json.Decoder', '*gojson.Decoder');
    if (decoding === source) continue;
    // encoding/json stays imported where it is still used (encoding, its interfaces).
    const stillJson = /(^|[^o])json\.[A-Z]/m.test(decoding);
    const importLine = '\t"encoding/json"\n';
    if (!decoding.includes(importLine))
      throw new Error(`FerretDB's ${file} changed: a lien-thong patch no longer applies`);
    const imports = `${stillJson ? importLine : ''}\n\tgojson "github.com/goccy/go-json" // lien-thong\n`;
    writeFileSync(file, decoding.replace(importLine, imports));
    patched++;
  }
  // Loudly, as patchSource: a FerretDB whose decoding moved would otherwise build unpatched.
  if (patched === 0)
    throw new Error(`FerretDB's ${dir} changed: a lien-thong patch no longer applies`);
  const get = run('go', ['get', versions.ferretdbJsonDecoder], {
    cwd: work,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GOFLAGS: '-mod=mod' },
  });
  if (!get.ok) throw new Error(`go get ${versions.ferretdbJsonDecoder} failed:\n${get.stderr}`);
}

/**
 * Builds FerretDB from its module source. `go install …@v1.24.2` compiles, but the
 * binary panics at start because the module zip lacks build/version/version.txt,
 * which the release process normally generates; so build from a copy with that file.
 */
export function ensureFerretDb(/** @type {(message: string) => void} */ log) {
  const binary = ferretBinary();
  if (existsSync(binary)) return { binary, downloaded: false };
  const mod = `github.com/FerretDB/FerretDB@v${versions.ferretdb}`;
  log(
    `building FerretDB v${versions.ferretdb} with Go into ${binary} (first run only, about two minutes)`,
  );
  const download = run('go', ['mod', 'download', '-json', mod], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!download.ok)
    throw new Error(`go mod download ${mod} failed:\n${download.stdout}${download.stderr}`);
  const source = JSON.parse(download.stdout).Dir;
  const work = runDir('ferretdb-src');
  try {
    cpSync(source, work, { recursive: true });
    run('chmod', ['-R', 'u+w', work]);
    writeFileSync(join(work, 'build/version/version.txt'), `v${versions.ferretdb}\n`);
    patchIdEquality(work);
    patchSecondaryIndexes(work);
    patchResourceTracking(work);
    patchOneStatementWrites(work);
    patchJsonDecoding(work);
    mkdirSync(join(binary, '..'), { recursive: true });
    const partial = `${binary}.partial-${process.pid}`;
    const build = run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    });
    if (!build.ok)
      throw new Error(`building FerretDB failed:\n${(build.stdout + build.stderr).slice(-2000)}`);
    chmodSync(partial, 0o755);
    renameSync(partial, binary);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { binary, downloaded: true };
}

/** PostgreSQL's server programs (Debian keeps them off PATH), or null. */
export function findPostgres() {
  if (process.env.LIEN_THONG_FERRETDB_BACKEND === 'sqlite') return null;
  const dirs = [];
  const onPathDir = run('sh', ['-c', 'dirname "$(readlink -f "$(command -v postgres)")"']);
  if (onPath('postgres') && onPathDir.ok) dirs.push(onPathDir.stdout.trim());
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian))
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      dirs.push(join(debian, v, 'bin'));
  const bin = dirs.find((d) => existsSync(join(d, 'postgres')) && existsSync(join(d, 'initdb')));
  if (!bin) return null;
  // PostgreSQL refuses to run as root: then it runs as the `postgres` account, if any.
  let user;
  if (userInfo().uid === 0) {
    const id = run('id', ['-u', 'postgres']);
    const gid = run('id', ['-g', 'postgres']);
    if (!id.ok || !gid.ok) return null;
    user = { uid: Number(id.stdout), gid: Number(gid.stdout) };
  }
  const version = run(join(bin, 'postgres'), ['--version']).stdout.match(/(\d+)(\.\d+)?/)?.[1];
  return { bin, user, version };
}

/**
 * A PostgreSQL cluster for FerretDB in its own directory (removed with the run). Durability
 * settings are off: the data is thrown away when the run stops.
 */
/** @param {NonNullable<ReturnType<typeof findPostgres>>} pg */
async function startPostgres(pg) {
  const dir = runDir('postgres');
  if (pg.user) chownSync(dir, pg.user.uid, pg.user.gid);
  const asUser = pg.user ? { uid: pg.user.uid, gid: pg.user.gid } : {};
  const data = join(dir, 'data');
  const init = run(
    join(pg.bin, 'initdb'),
    ['-D', data, '-U', 'ferretdb', '--auth=trust', '-E', 'UTF8', '--no-sync'],
    {
      ...asUser,
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    },
  );
  if (!init.ok) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${(init.stdout + init.stderr).slice(-2000)}`);
  }
  const port = await freePort();
  const proc = startGuarded(
    'postgres',
    join(pg.bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    // SIGINT is PostgreSQL's fast shutdown (SIGTERM waits for every client to leave).
    {
      logFile: join(dir, 'postgres.log'),
      removeOnOrphan: dir,
      user: pg.user,
      stopSignal: 'SIGINT',
      cwd: dir,
    },
  );
  await waitForPort('127.0.0.1', port, {
    proc,
    what: 'PostgreSQL',
    timeoutMs: 60_000,
  });
  return {
    // FerretDB 1.x holds two PostgreSQL connections per update statement while it runs (the
    // matching query and the write), and every statement of one update command until that
    // command ends: with its default pool of 50, fifty concurrent updates each waited for a
    // second connection and the database stopped for good. A pool of 250 (PostgreSQL allows
    // 300) stays ahead of what the services can send: each caps its own pool (MONGO_POOL_SIZE).
    url: `postgres://ferretdb@127.0.0.1:${port}/postgres?pool_max_conns=250`,
    async stop() {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * How FerretDB's Go runtime collects garbage (an explicit GOGC or GOMEMLIMIT in the
 * environment wins).
 *
 * GOGC: how much the heap may grow between two collections, in % of what the last one left.
 * FerretDB keeps 4–6 MB alive, so at Go's default (100) it collected every 20 ms or so under
 * the benchmark's load, and the collector's workers were 28 % of its CPU samples (issue 18).
 * At 1000: a collection every 300 ms or so, a 66 MB heap at most, 6.5 % of the samples, and
 * FerretDB's CPU per dossier 94 → 59 ms.
 *
 * GOMEMLIMIT: the bound that GOGC=1000 alone lacks. While `npm run bench` loaded 200,000
 * finished dossiers (insertMany of 2,000 documents at a time), FerretDB held a few hundred MB
 * alive and, at eleven times that, reached 4.7 GB of RSS (issue 18). With a soft limit Go
 * collects more often only as the heap nears it, so everyday work is unchanged.
 */
function ferretGoEnv() {
  return {
    GOGC: process.env.GOGC || '1000',
    GOMEMLIMIT: process.env.GOMEMLIMIT || '1GiB',
  };
}

/** @param {{ dataDir: string, log: (message: string) => void }} options */
export async function startMongo({ dataDir, log }) {
  const port = await freePort();
  const dbDir = join(dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const logFile = join(dataDir, 'database.log');
  if (onPath('mongod')) {
    const kind = 'mongod';
    const proc = startGuarded(
      'mongod',
      'mongod',
      ['--dbpath', dbDir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'],
      { logFile, removeOnOrphan: dataDir },
    );
    await ready(port, proc, kind);
    return { url: `mongodb://127.0.0.1:${port}`, kind, process: proc };
  }
  const { binary } = ensureFerretDb(log);
  const pg = findPostgres();
  const postgres = pg ? await startPostgres(pg) : undefined;
  const kind = `FerretDB ${versions.ferretdb} (${pg ? `PostgreSQL ${pg.version}` : 'SQLite'})`;
  const backend = postgres
    ? ['--handler=pg', `--postgresql-url=${postgres.url}`]
    : ['--handler=sqlite', `--sqlite-url=file:${dbDir}/`];
  const ferret = startGuarded(
    'ferretdb',
    binary,
    [
      ...backend,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${dataDir}`,
      '--telemetry=disable',
      // Go's profiler and metrics on that address when asked (e.g. 127.0.0.1:0: a free port).
      `--debug-addr=${process.env.FERRETDB_DEBUG_ADDR || '-'}`,
      '--log-level=warn',
    ],
    { logFile, removeOnOrphan: dataDir, env: { ...process.env, ...ferretGoEnv() } },
  );
  // FerretDB first, then its PostgreSQL.
  const proc = {
    ...ferret,
    async stop(/** @type {number | undefined} */ timeoutMs = undefined) {
      await ferret.stop(timeoutMs);
      await postgres?.stop();
    },
  };
  try {
    await ready(port, ferret, kind);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return { url: `mongodb://127.0.0.1:${port}`, kind, process: proc };
}

async function ready(
  /** @type {number} */ port,
  /** @type {import('./processes.mjs').Guarded} */ proc,
  /** @type {string} */ kind,
) {
  await waitForPort('127.0.0.1', port, {
    proc,
    what: kind,
    timeoutMs: 60_000,
  });
}

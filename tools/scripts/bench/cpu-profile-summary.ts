// Where a service's CPU goes, from the V8 sampling profiles `npm run bench -- --cpu-prof`
// writes (one <service>.<n>.cpuprofile per service): self time by kind of work (database
// driver, mongoose, Kafka client, validation, NestJS, HTTP, logging, crypto, our code, GC…),
// the same inclusive (time with the kind anywhere on the stack), by package or folder, and
// the functions with the most self time.
//
//   node -r @swc-node/register tools/scripts/bench/cpu-profile-summary.ts <dir|file…> [--top 10]
//        [--cpu land-registry=112.5,…]   (CPU ms per dossier: the tables then show ms per dossier)
//
// A sample's kind is decided by its innermost frame that has a script: native code (a
// C++ binding, a V8 builtin such as JSON.parse) has none and counts for the JavaScript that
// called it, so JSON.parse inside kafkajs is kafkajs. V8 itself shows as "(program)" and
// "(garbage collector)"; "(idle)" is waiting and left out of every share.
//
// Samples are not CPU time on a busy machine: a sample is taken when the thread runs, and a
// thread that woke another process (a command written to the database's socket, a request to
// the broker) is often preempted by it right there, and sampled where it resumes. So the
// socket write functions collect a fifth of the samples while a loopback round trip costs
// about 10 µs of CPU here (docs/benchmarks.md): they are a kind of their own, left out when
// shares are turned into CPU ms.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { packageOf, Profile, ProfileNode, selfTimes } from './profile-summary';
import { fmt, table } from './stats';

/** Kinds of work, in the order the tables print them. */
export const KINDS = [
  'mongodb driver, bson',
  'mongoose',
  'kafka client',
  'validation (class-validator, -transformer)',
  'NestJS, rxjs',
  'HTTP (express, node:http, undici)',
  'logging (pino)',
  'telemetry (OpenTelemetry, prom-client)',
  'crypto (signatures, tokens)',
  'sockets, streams, buffers',
  'socket writes (mostly off CPU)',
  'other node internals',
  'other packages',
  'our code (apps, libs)',
  'GC',
  'V8, native (program)',
] as const;
export type Kind = (typeof KINDS)[number];

const PACKAGE_KIND: [RegExp, Kind][] = [
  [/^(mongodb|bson|mongodb-connection-string-url|@mongodb-js\/.*)$/, 'mongodb driver, bson'],
  [/^(mongoose|@nestjs\/mongoose|mquery|kareem|mpath|sift)$/, 'mongoose'],
  [/^(kafkajs|@platformatic\/kafka)$/, 'kafka client'],
  [
    /^(class-validator|class-transformer|validator|libphonenumber-js)$/,
    'validation (class-validator, -transformer)',
  ],
  [
    /^(@nestjs\/platform-express|express|body-parser|router|raw-body|iconv-lite|qs|helmet|send|finalhandler|path-to-regexp|on-finished|type-is|content-type|cookie|accepts|negotiator|mime-types|undici)$/,
    'HTTP (express, node:http, undici)',
  ],
  [/^(@nestjs\/.*|rxjs|reflect-metadata|tslib)$/, 'NestJS, rxjs'],
  [
    /^(pino|pino-http|nestjs-pino|sonic-boom|fast-redact|thread-stream|pino-std-serializers|on-exit-leak-free|atomic-sleep|quick-format-unescaped|safe-stable-stringify)$/,
    'logging (pino)',
  ],
  [
    /^(@opentelemetry\/.*|prom-client|require-in-the-middle|import-in-the-middle|shimmer|protobufjs|tdigest|bintrees)$/,
    'telemetry (OpenTelemetry, prom-client)',
  ],
  [/^(jose)$/, 'crypto (signatures, tokens)'],
];

const NODE_KIND: [RegExp, Kind][] = [
  [/^node:(crypto|internal\/crypto)/, 'crypto (signatures, tokens)'],
  [/^node:(_?http|https|internal\/(http|deps\/undici|url))/, 'HTTP (express, node:http, undici)'],
  [
    /^node:(net|stream|buffer|string_decoder|internal\/(net|stream|streams|buffer|stream_base_commons|dns|tls|socketaddress))/,
    'sockets, streams, buffers',
  ],
];

/** The kind of work a script's code is. */
export function kindOf(url: string): Kind {
  const pkg = packageOf(url);
  if (url.includes('node_modules/')) {
    return PACKAGE_KIND.find(([re]) => re.test(pkg))?.[1] ?? 'other packages';
  }
  if (url.startsWith('node:'))
    return NODE_KIND.find(([re]) => re.test(url))?.[1] ?? 'other node internals';
  if (/\/(apps|libs)\//.test(url)) return 'our code (apps, libs)';
  return 'other packages';
}

export interface Share {
  name: string;
  ms: number;
  /** Of the busy (not idle) time. */
  share: number;
}

export interface CpuProfileSummary {
  file: string;
  wallSec: number;
  busyMs: number;
  selfByKind: Share[];
  /**
   * Node's own code and native code charged to the package or our code that called it (a
   * socket write in the database driver is the driver's); crypto stays crypto.
   */
  chargedByKind: Share[];
  /** Time with the kind anywhere on the stack (shares add up to more than 100 %). */
  inclusiveByKind: Share[];
  selfByPackage: Share[];
  /** Share of the busy samples in socket writes, which are mostly off CPU. */
  socketWriteShare: number;
  /** The socket writes by who wrote (the caller's kind). */
  socketWritesBy: Share[];
  /** Every function by self time, largest first. */
  functions: (Share & { where: string; kind: Kind })[];
  /** Our functions by time with them on the stack: which of our code paths the time is under. */
  topOursInclusive: (Share & { where: string })[];
}

const where = (url: string, line: number) =>
  url ? `${url.replace(/^.*?\/(node_modules|libs|apps)\//, '$1/')}:${line + 1}` : '';

/** Summarises one .cpuprofile. */
export function summarizeCpuProfile(file: string, topOurs = 15): CpuProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = selfTimes(profile);
  const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
  const selfKind = new Map<string, number>();
  const chargedKind = new Map<string, number>();
  const writers = new Map<string, number>();
  let socketWrites = 0;
  const inclKind = new Map<string, number>();
  const selfPkg = new Map<string, number>();
  const fns = new Map<string, { name: string; where: string; kind: Kind; us: number }>();
  const ours = new Map<string, { name: string; where: string; us: number }>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const leaf = byId.get(id);
    if (!leaf || us <= 0) continue;
    const { functionName } = leaf.callFrame;
    if (functionName === '(idle)') continue;
    busy += us;
    if (functionName === '(garbage collector)' || functionName === '(program)') {
      const kind: Kind = functionName === '(program)' ? 'V8, native (program)' : 'GC';
      add(selfKind, kind, us);
      add(chargedKind, kind, us);
      add(inclKind, kind, us);
      add(selfPkg, functionName, us);
      continue;
    }
    // The stack, innermost first; the innermost frame with a script decides.
    const stack: ProfileNode[] = [];
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1))
      stack.push(n);
    const scripted = stack.find((n) => n.callFrame.url);
    const caller = stack.find(
      (n) =>
        n.callFrame.url &&
        (!n.callFrame.url.startsWith('node:') ||
          kindOf(n.callFrame.url) === 'crypto (signatures, tokens)'),
    );
    const socketWrite =
      scripted?.callFrame.url === 'node:internal/stream_base_commons' &&
      /^(handleWriteReq|writevGeneric|writeGeneric)$/.test(scripted.callFrame.functionName);
    if (socketWrite) {
      socketWrites += us;
      add(writers, caller ? kindOf(caller.callFrame.url) : '(no caller)', us);
    }
    const kind: Kind = socketWrite
      ? 'socket writes (mostly off CPU)'
      : scripted
        ? kindOf(scripted.callFrame.url)
        : 'V8, native (program)';
    add(selfKind, kind, us);
    add(chargedKind, socketWrite || !caller ? kind : kindOf(caller.callFrame.url), us);
    add(selfPkg, scripted ? packageOf(scripted.callFrame.url) : '(native)', us);
    const fnNode = scripted ?? leaf;
    const fnWhere = where(fnNode.callFrame.url, fnNode.callFrame.lineNumber);
    const name = fnNode.callFrame.functionName || '(anonymous)';
    const entry = fns.get(`${name}@${fnWhere}`) ?? { name, where: fnWhere, kind, us: 0 };
    entry.us += us;
    fns.set(`${name}@${fnWhere}`, entry);
    const kindsOnStack = new Set<string>();
    const oursOnStack = new Set<string>();
    for (const n of stack) {
      if (!n.callFrame.url) continue;
      const k = kindOf(n.callFrame.url);
      kindsOnStack.add(k);
      if (k === 'our code (apps, libs)' && n.callFrame.functionName) {
        const w = where(n.callFrame.url, n.callFrame.lineNumber);
        const key = `${n.callFrame.functionName}@${w}`;
        if (oursOnStack.has(key)) continue;
        oursOnStack.add(key);
        const o = ours.get(key) ?? { name: n.callFrame.functionName, where: w, us: 0 };
        o.us += us;
        ours.set(key, o);
      }
    }
    for (const k of kindsOnStack) add(inclKind, k, us);
  }
  const shares = (m: Map<string, number>): Share[] =>
    [...m]
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / Math.max(1, busy) }))
      .sort((a, b) => b.ms - a.ms);
  const toShare = <T extends { us: number; name: string }>(x: T) => ({
    ...x,
    ms: x.us / 1000,
    share: x.us / Math.max(1, busy),
  });
  return {
    file,
    wallSec: (profile.endTime - profile.startTime) / 1e6,
    busyMs: busy / 1000,
    selfByKind: shares(selfKind),
    chargedByKind: shares(chargedKind),
    inclusiveByKind: shares(inclKind),
    selfByPackage: shares(selfPkg),
    socketWriteShare: socketWrites / Math.max(1, busy),
    socketWritesBy: shares(writers),
    functions: [...fns.values()].sort((a, b) => b.us - a.us).map(toShare),
    topOursInclusive: [...ours.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topOurs)
      .map(toShare),
  };
}

/** The profiles in a directory (or the files given), by service: `<service>.<n>.cpuprofile`. */
export function profileFiles(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.cpuprofile'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
}

const pct = (x: number) => `${fmt(x * 100)} %`;

/**
 * Every service's time by kind of work, charged to the caller, in CPU ms per dossier when
 * `cpuMsPerDossier` (measured from /proc over the same step) is given, else in %; then
 * self time and inclusive time in %, and each service's detail.
 */
export function printCpuProfiles(
  files: string[],
  topN = 10,
  cpuMsPerDossier?: Record<string, number>,
  /** With CPU ms: a last column summing the services this keeps (ours, say). */
  sumOf?: (service: string) => boolean,
): CpuProfileSummary[] {
  const summaries = files.map((f) => summarizeCpuProfile(f));
  const names = summaries.map((s) => basename(s.file).replace(/\.\d+\.cpuprofile$/, ''));
  const share = (list: Share[], kind: string) => list.find((x) => x.name === kind)?.share ?? 0;
  const cell = (list: Share[], kind: string) => {
    const s = share(list, kind);
    return s ? pct(s) : '—';
  };
  // CPU ms of a kind: its share of the samples other than socket writes, times the CPU.
  const cpuShare = (s: CpuProfileSummary, list: Share[], kind: string) =>
    kind === 'socket writes (mostly off CPU)'
      ? 0
      : share(list, kind) / Math.max(1e-9, 1 - s.socketWriteShare);
  const msCell = (i: number, list: Share[], kind: string) => {
    const ms = cpuMsPerDossier?.[names[i]];
    const s = share(list, kind);
    if (!s) return '—';
    if (ms === undefined || kind === 'socket writes (mostly off CPU)')
      return `${pct(s)} of samples`;
    return fmt(cpuShare(summaries[i], list, kind) * ms, 1);
  };
  const unit = cpuMsPerDossier
    ? 'CPU ms per dossier: share of the samples but socket writes × CPU from /proc'
    : '% of busy time';
  const summed = cpuMsPerDossier && sumOf ? names.map(sumOf) : undefined;
  const sum = (list: (s: CpuProfileSummary, i: number) => number) =>
    summed
      ? [
          fmt(
            summaries.reduce((t, s, i) => t + (summed[i] ? list(s, i) : 0), 0),
            1,
          ),
        ]
      : [];
  const msOf = (s: CpuProfileSummary, i: number, kind: string) =>
    cpuShare(s, s.chargedByKind, kind) * (cpuMsPerDossier?.[names[i]] ?? 0);
  console.log(
    `\nWhere the services' CPU goes, node's code charged to its caller (${unit})\n` +
      table(
        ['kind of work', ...names, ...(summed ? ['sum'] : [])],
        [
          ...(cpuMsPerDossier
            ? [
                [
                  'CPU ms per dossier (/proc)',
                  ...names.map((n) => fmt(cpuMsPerDossier[n] ?? Number.NaN, 1)),
                  ...sum((_, i) => cpuMsPerDossier[names[i]] ?? 0),
                ],
              ]
            : []),
          ['sampled busy s', ...summaries.map((s) => fmt(s.busyMs / 1000, 1))],
          ...KINDS.map((k) => [
            k,
            ...summaries.map((s, i) => msCell(i, s.chargedByKind, k)),
            ...(k === 'socket writes (mostly off CPU)' ? [''] : sum((s, i) => msOf(s, i, k))),
          ]),
        ],
      ) +
      `\n\nSelf time (% of each one's busy time)\n` +
      table(
        ['kind of work', ...names],
        KINDS.map((k) => [k, ...summaries.map((s) => cell(s.selfByKind, k))]),
      ) +
      `\n\nInclusive (the kind anywhere on the stack, %)\n` +
      table(
        ['kind of work', ...names],
        KINDS.filter((k) => k !== 'GC' && k !== 'V8, native (program)').map((k) => [
          k,
          ...summaries.map((s) => cell(s.inclusiveByKind, k)),
        ]),
      ),
  );
  console.log(
    `\nSocket writes by writer (% of each one's samples)\n` +
      table(
        ['writer', ...names],
        [...new Set(summaries.flatMap((s) => s.socketWritesBy.map((w) => w.name)))].map((w) => [
          w,
          ...summaries.map((s) => cell(s.socketWritesBy, w)),
        ]),
      ),
  );
  for (const [i, s] of summaries.entries()) {
    console.log(
      `\n${names[i]}: ${fmt(s.busyMs / 1000, 1)} s busy of ${fmt(s.wallSec, 1)} s; by package: ` +
        s.selfByPackage
          .slice(0, 10)
          .map((p) => `${p.name} ${pct(p.share)}`)
          .join(', ') +
        '\n' +
        table(
          ['function (self time)', 'where', 'kind', 'ms', 'share'],
          s.functions
            .slice(0, topN)
            .map((f) => [f.name, f.where, f.kind, fmt(f.ms, 0), pct(f.share)]),
        ) +
        '\n' +
        table(
          ['our function (inclusive)', 'where', 'ms', 'share'],
          s.topOursInclusive
            .slice(0, topN)
            .map((f) => [f.name, f.where, fmt(f.ms, 0), pct(f.share)]),
        ),
    );
  }
  // The same function in several services (a shared library) is one row.
  const overall = new Map<string, { name: string; where: string; kind: Kind; ms: number }>();
  for (const s of summaries)
    for (const f of s.functions) {
      const key = `${f.name}@${f.where}`;
      const o = overall.get(key) ?? { name: f.name, where: f.where, kind: f.kind, ms: 0 };
      o.ms += f.ms;
      overall.set(key, o);
    }
  const allBusy = summaries.reduce((t, s) => t + s.busyMs, 0);
  console.log(
    `\nTop functions over all services (self time; ${fmt(allBusy / 1000, 1)} s busy in all)\n` +
      table(
        ['function', 'where', 'kind', 'ms', 'share'],
        [...overall.values()]
          .sort((a, b) => b.ms - a.ms)
          .slice(0, topN)
          .map((f) => [f.name, f.where, f.kind, fmt(f.ms, 0), pct(f.ms / Math.max(1, allBusy))]),
      ),
  );
  return summaries;
}

if (require.main === module) {
  const paths: string[] = [];
  const options: Record<string, string> = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) options[argv[i].slice(2)] = argv[++i];
    else paths.push(argv[i]);
  }
  const top = Number(options.top ?? 10);
  // --cpu land-registry=112.5,notification=86.3: CPU ms per dossier from the benchmark's table.
  const cpu = options.cpu
    ? Object.fromEntries(
        options.cpu.split(',').map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])]),
      )
    : undefined;
  if (paths.length === 0) {
    console.error(
      'usage: cpu-profile-summary.ts <dir|file.cpuprofile…> [--top 10] [--cpu name=ms,…]',
    );
    process.exit(2);
  }
  printCpuProfiles(profileFiles(paths), top, cpu);
}

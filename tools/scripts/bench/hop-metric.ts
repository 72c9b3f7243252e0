// The hop latency the services measure themselves (lien_thong_event_hop_seconds on /metrics:
// event occurred → handled, by consumer group and topic). Since APPLIED_ONCE handlers write no
// inbox record, the inbox no longer sees every hop; this histogram does.

/** Cumulative bucket counts of the histogram, summed over groups and topics. */
export type HopBuckets = Map<number, number>;

const LINE = /^lien_thong_event_hop_seconds_bucket\{([^}]*)\} (\d+(?:\.\d+)?)$/;

/** The histograms of one /metrics text, by stream ("topic → group"). */
export type HopStreams = Map<string, HopBuckets>;

/** Parses one /metrics text into cumulative counts per upper bound (le), by stream. */
export function parseHopStreams(text: string, into: HopStreams = new Map()): HopStreams {
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const label = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1])?.[1];
    const le = label('le');
    if (!le) continue;
    const stream = `${label('topic') ?? '?'} → ${label('group') ?? '?'}`;
    const buckets = into.get(stream) ?? new Map<number, number>();
    into.set(stream, buckets);
    const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(m[2]));
  }
  return into;
}

/** Sums one stream set's histograms into one. */
export function totalOf(streams: HopStreams): HopBuckets {
  const total: HopBuckets = new Map();
  for (const buckets of streams.values())
    for (const [bound, n] of buckets) total.set(bound, (total.get(bound) ?? 0) + n);
  return total;
}

/** The histograms of every service, by stream (instances of one group added up). */
export async function readHopStreams(urls: string[]): Promise<HopStreams> {
  const streams: HopStreams = new Map();
  for (const url of urls) {
    const text = await fetch(`${url}/metrics`)
      .then((r) => (r.ok ? r.text() : ''))
      .catch(() => '');
    parseHopStreams(text, streams);
  }
  return streams;
}

/** How many hops a histogram counted between two readings. */
export function hopCount(before: HopBuckets | undefined, after: HopBuckets): number {
  return (after.get(Number.POSITIVE_INFINITY) ?? 0) - (before?.get(Number.POSITIVE_INFINITY) ?? 0);
}

/**
 * The quantile q of the hops between two readings, as the upper bound of the bucket it falls
 * in, in ms (exact at the bucket bounds, e.g. "≤ 50 ms"); null without any hop.
 */
export function hopQuantileMs(
  before: HopBuckets | undefined,
  after: HopBuckets,
  q: number,
): number | null {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((b) => (after.get(b) ?? 0) - (before?.get(b) ?? 0));
  const total = counts[counts.length - 1] ?? 0;
  if (total <= 0) return null;
  const i = counts.findIndex((c) => c >= q * total);
  const bound = bounds[i] ?? Number.POSITIVE_INFINITY;
  return bound * 1000;
}

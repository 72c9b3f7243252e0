// The hop latency the services measure themselves (lien_thong_event_hop_seconds on /metrics:
// event occurred → handled, by consumer group and topic), and its segments
// (lien_thong_event_hop_segment_seconds: relay, broker, waiting, handling). Since
// APPLIED_ONCE handlers write no inbox record, the inbox no longer sees every hop; this
// histogram does.

/** Cumulative bucket counts of the histogram, summed over groups and topics. */
export type HopBuckets = Map<number, number>;

const LINE = /^lien_thong_event_hop(_segment)?_seconds_bucket\{([^}]*)\} (\d+(?:\.\d+)?)$/;

/** The histograms of one /metrics text, by stream ("topic → group") or by segment name. */
export type HopStreams = Map<string, HopBuckets>;

/** The hops by stream, and their segments (relay, broker, waiting, handling) over all streams. */
export interface Hops {
  streams: HopStreams;
  segments: HopStreams;
}

/** Parses one /metrics text into cumulative counts per upper bound (le). */
export function parseHops(
  text: string,
  into: Hops = { streams: new Map(), segments: new Map() },
): Hops {
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const label = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[2])?.[1];
    const le = label('le');
    if (!le) continue;
    const [set, key] = m[1]
      ? [into.segments, label('segment') ?? '?']
      : [into.streams, `${label('topic') ?? '?'} → ${label('group') ?? '?'}`];
    const buckets = set.get(key) ?? new Map<number, number>();
    set.set(key, buckets);
    const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(m[3]));
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

/** The histograms of every service (instances of one group added up). */
export async function readHops(urls: string[]): Promise<Hops> {
  const hops: Hops = { streams: new Map(), segments: new Map() };
  for (const url of urls) {
    const text = await fetch(`${url}/metrics`)
      .then((r) => (r.ok ? r.text() : ''))
      .catch(() => '');
    parseHops(text, hops);
  }
  return hops;
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

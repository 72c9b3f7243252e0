// The hop latency the services measure themselves (lien_thong_event_hop_seconds on /metrics:
// event occurred → handled, by consumer group and topic). Since APPLIED_ONCE handlers write no
// inbox record, the inbox no longer sees every hop; this histogram does.

/** Cumulative bucket counts of the histogram, summed over groups and topics. */
export type HopBuckets = Map<number, number>;

const LINE = /^lien_thong_event_hop_seconds_bucket\{([^}]*)\} (\d+(?:\.\d+)?)$/;

/** Parses one /metrics text into cumulative counts per upper bound (le). */
export function parseHopBuckets(text: string): HopBuckets {
  const buckets: HopBuckets = new Map();
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const le = /le="([^"]+)"/.exec(m[1])?.[1];
    if (!le) continue;
    const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(m[2]));
  }
  return buckets;
}

/** Sums the histograms of every service. */
export async function readHopBuckets(urls: string[]): Promise<HopBuckets> {
  const total: HopBuckets = new Map();
  for (const url of urls) {
    const text = await fetch(`${url}/metrics`)
      .then((r) => (r.ok ? r.text() : ''))
      .catch(() => '');
    for (const [bound, n] of parseHopBuckets(text)) total.set(bound, (total.get(bound) ?? 0) + n);
  }
  return total;
}

/**
 * The quantile q of the hops between two readings, as the upper bound of the bucket it falls
 * in, in ms (exact at the bucket bounds, e.g. "≤ 50 ms"); null without any hop.
 */
export function hopQuantileMs(before: HopBuckets, after: HopBuckets, q: number): number | null {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((b) => (after.get(b) ?? 0) - (before.get(b) ?? 0));
  const total = counts[counts.length - 1] ?? 0;
  if (total <= 0) return null;
  const i = counts.findIndex((c) => c >= q * total);
  const bound = bounds[i] ?? Number.POSITIVE_INFINITY;
  return bound * 1000;
}

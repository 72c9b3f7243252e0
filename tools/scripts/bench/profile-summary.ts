// Reads a .cpuprofile (V8 sampling profile) and says where the time went: by package or
// project folder, and the functions with the most self time.
import { readFileSync } from 'node:fs';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  file: string;
  wallSec: number;
  busySec: number;
  idleSec: number;
  /** Share of busy (non-idle) time per package or folder, largest first. */
  byArea: { area: string; sec: number; share: number }[];
  top: { fn: string; where: string; sec: number; share: number }[];
}

/** node_modules/<package>, libs/<lib>, apps/<app>, node:internal, or a V8 pseudo-frame. */
export function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  return packageOf(url);
}

/** The package (node_modules/<pkg>) or project folder (apps/<app>, libs/<lib>) of a script. */
export function packageOf(url: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node internals';
  const project = /\/(libs|apps|tools)\/([^/]+)\//.exec(url);
  if (project) return `${project[1]}/${project[2]}`;
  return url.replace(/^file:\/\//, '');
}

/** Self time per node, in µs: each sample lasts until the next one. */
export function selfTimes(profile: Profile): Map<number, number> {
  const self = new Map<number, number>();
  if (profile.samples && profile.timeDeltas) {
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = profile.timeDeltas[i + 1] ?? 0;
      self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
    }
  } else {
    const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
    const per = (profile.endTime - profile.startTime) / Math.max(1, total);
    for (const n of profile.nodes) self.set(n.id, (n.hitCount ?? 0) * per);
  }
  return self;
}

export function summarizeProfile(file: string, topN = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = selfTimes(profile);
  let idle = 0;
  let busy = 0;
  const areas = new Map<string, number>();
  const fns = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    busy += us;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const where = url
      ? `${url.replace(/^.*?\/(node_modules|libs|apps)\//, '$1/')}:${lineNumber + 1}`
      : '';
    const key = `${functionName}@${where}`;
    const entry = fns.get(key) ?? { fn: functionName || '(anonymous)', where, us: 0 };
    entry.us += us;
    fns.set(key, entry);
  }
  return {
    file,
    wallSec: (profile.endTime - profile.startTime) / 1e6,
    busySec: busy / 1e6,
    idleSec: idle / 1e6,
    byArea: [...areas]
      .map(([area, us]) => ({ area, sec: us / 1e6, share: us / Math.max(1, busy) }))
      .sort((a, b) => b.sec - a.sec),
    top: [...fns.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((f) => ({ fn: f.fn, where: f.where, sec: f.us / 1e6, share: f.us / Math.max(1, busy) })),
  };
}

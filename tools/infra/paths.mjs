// Where downloads are cached (never inside the repository) and where run-time data goes.
import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const versions = JSON.parse(
  readFileSync(join(repoRoot, 'tools/infra/versions.json'), 'utf8'),
);

/** ~/.cache/lien-thong (or $XDG_CACHE_HOME/lien-thong): jars, FerretDB, Node 24. */
export function cacheDir(/** @type {string[]} */ ...parts) {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'lien-thong', ...parts);
}

/** A fresh data directory for one run, removed when the run stops. */
export function runDir(/** @type {string} */ label) {
  return mkdtempSync(join(tmpdir(), `lien-thong-${label}-`));
}

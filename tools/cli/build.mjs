// npm run build: compiles the services' TypeScript (apps/*/src and libs/*/src, specs left
// out) into dist/ with the settings @swc-node/register derives from tsconfig.json, and copies
// the JSON data beside it. Services run from dist/: compiling at every start cost each
// process ~60 MB of RSS (docs/benchmarks.md, finding 6). npm start, npm test (Jest's global
// set-up) and the scripts of run-script.mjs call it first; only changed files are compiled.
import { createRequire } from 'node:module';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../infra/paths.mjs';

export const distDir = join(repoRoot, 'dist');

/** Where a service's compiled entry point is. */
export function serviceEntry(name) {
  return join(distDir, 'apps', name, 'src', 'main.js');
}

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(spec|int-spec|d)\.ts$/.test(entry.name)) continue;
    else if (/\.(ts|json)$/.test(entry.name)) yield path;
  }
}

function* projectSources() {
  for (const top of ['apps', 'libs']) {
    for (const project of readdirSync(join(repoRoot, top))) {
      const src = join(repoRoot, top, project, 'src');
      if (statSync(src, { throwIfNoEntry: false })?.isDirectory()) yield* sources(src);
    }
  }
}

function* outputs(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* outputs(path);
    else yield path;
  }
}

/** Writes through a temporary file, so a process starting meanwhile never reads half a file. */
function writeAtomically(path, content) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;

/** Compiles what changed since the last build; returns how many files it wrote. */
export function build() {
  const require = createRequire(import.meta.url);
  let swc;
  const wanted = new Set();
  let written = 0;
  // A change of settings (or of the compiler) compiles everything again.
  const settingsChanged = Math.max(
    ...['tsconfig.json', 'tsconfig.base.json', 'package-lock.json', 'tools/cli/build.mjs'].map(
      (file) => mtime(join(repoRoot, file)),
    ),
  );
  for (const file of projectSources()) {
    const isJson = file.endsWith('.json');
    const out = join(distDir, relative(repoRoot, file)).replace(/\.ts$/, '.js');
    wanted.add(out);
    if (!isJson) wanted.add(`${out}.map`);
    if (mtime(out) >= Math.max(mtime(file), settingsChanged)) continue;
    mkdirSync(dirname(out), { recursive: true });
    written++;
    if (isJson) {
      copyFileSync(file, out);
      continue;
    }
    swc ??= loadCompiler(require);
    const { code, map } = swc.transformSync(readFileSync(file, 'utf8'), file, swc.configFor(file));
    // Stack traces point at the TypeScript file (the map names it relative to itself);
    // the source text stays out of the map: it is in the repository.
    const sourceMap = JSON.parse(map);
    sourceMap.sources = [relative(dirname(out), file)];
    delete sourceMap.sourcesContent;
    writeAtomically(`${out}.map`, JSON.stringify(sourceMap));
    writeAtomically(out, `${code}\n//# sourceMappingURL=${basename(out)}.map\n`);
  }
  // A source that was deleted or renamed leaves nothing behind to be required by mistake.
  // (Temporary files are left alone: another build, npm start beside npm test, may be
  // about to rename its own.)
  mkdirSync(distDir, { recursive: true });
  for (const file of outputs(distDir)) {
    if (!wanted.has(file) && !file.endsWith('.tmp')) rmSync(file, { force: true });
  }
  return written;
}

function loadCompiler(require) {
  const ts = require('typescript');
  const {
    readDefaultTsConfig,
    tsCompilerOptionsToSwcConfig,
  } = require('@swc-node/register/read-default-tsconfig');
  const { transformSync } = require('@swc-node/core');
  // As @swc-node/register does for require(): CommonJS, whatever tsconfig's module says.
  const options = {
    ...readDefaultTsConfig(join(repoRoot, 'tsconfig.json')),
    module: ts.ModuleKind.CommonJS,
  };
  return {
    transformSync,
    configFor: (file) => ({ ...tsCompilerOptionsToSwcConfig(options, file), sourcemap: true }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const written = build();
  console.log(`[build] dist/ up to date (${written} files written, ${Date.now() - started} ms)`);
}

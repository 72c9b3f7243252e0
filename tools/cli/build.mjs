// npm run build: compiles the services' TypeScript (apps/*/src and libs/*/src, specs left
// out) into dist/ with the settings @swc-node/register derives from tsconfig.json, and copies
// the JSON data beside it; then builds the web application (apps/web, a browser bundle made
// by Vite, not a service) into dist/web. Services run from dist/: compiling at every start cost each
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
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from '../infra/paths.mjs';

/** Where a service's compiled entry point is. */
export function serviceEntry(/** @type {string} */ name) {
  return join(repoRoot, 'dist', 'apps', name, 'src', 'main.js');
}

/** Every file below `dir`, recursively (none if it does not exist). */
function filesUnder(/** @type {string} */ dir) {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The browser application: built by Vite (buildWeb), never compiled for Node. */
const WEB_APP = 'web';

/** The projects compiled for Node: apps/* (but the browser application) and libs/*. */
function nodeProjects(/** @type {string} */ root) {
  return ['apps', 'libs'].flatMap((top) =>
    readdirSync(join(root, top))
      .filter((project) => !(top === 'apps' && project === WEB_APP))
      .map((project) => `${top}/${project}`),
  );
}

/**
 * What is compiled (TypeScript, specs left out) or copied (JSON data) from
 * {apps,libs}/<project>/src: of every project, or of `projects` (e.g. ['apps/land-registry']).
 * @param {string} root
 * @param {string[]} projects
 */
function projectSources(root, projects) {
  return projects
    .map((project) => join(root, project, 'src'))
    .flatMap(filesUnder)
    .filter((file) => /\.(ts|json)$/.test(file) && !/\.(spec|int-spec|d)\.ts$/.test(file));
}

/** Writes through a temporary file, so a process starting meanwhile never reads half a file. */
function writeAtomically(/** @type {string} */ path, /** @type {string} */ content) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

const mtime = (/** @type {string} */ path) =>
  statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;

/**
 * Compiles what changed since the last build; returns how many files it wrote. `root` is
 * the repository (its tsconfig.json, apps/ and libs/); the output goes to its dist/.
 * `project` (e.g. 'apps/land-registry', the Nx build target) compiles that project alone
 * into dist/<project>: each file compiles on its own (no type information), so a project's
 * output depends on its sources and the settings only, which is what Nx caches it by.
 * @param {string} [root]
 * @param {{ project?: string }} [options]
 */
export function build(root = repoRoot, { project } = {}) {
  const outDir = join(root, 'dist');
  const require = createRequire(import.meta.url);
  let swc;
  const wanted = new Set();
  let written = 0;
  // A change of settings (or of the compiler) compiles everything again.
  const settingsChanged = Math.max(
    ...['tsconfig.json', 'tsconfig.base.json', 'package-lock.json'].map((file) =>
      mtime(join(root, file)),
    ),
    mtime(fileURLToPath(import.meta.url)),
  );
  const projects = project ? [project] : nodeProjects(root);
  for (const file of projectSources(root, projects)) {
    const isJson = file.endsWith('.json');
    const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    wanted.add(out);
    if (!isJson) wanted.add(`${out}.map`);
    if (mtime(out) >= Math.max(mtime(file), settingsChanged)) continue;
    mkdirSync(dirname(out), { recursive: true });
    written++;
    if (isJson) {
      copyFileSync(file, out);
      continue;
    }
    swc ??= loadCompiler(require, root);
    const { code, map } = swc.transformSync(readFileSync(file, 'utf8'), file, swc.configFor(file));
    // Stack traces point at the TypeScript file (the map names it relative to itself);
    // the source text stays out of the map: it is in the repository.
    const sourceMap = JSON.parse(map ?? '{}');
    sourceMap.sources = [relative(dirname(out), file)];
    delete sourceMap.sourcesContent;
    writeAtomically(`${out}.map`, JSON.stringify(sourceMap));
    writeAtomically(out, `${code}\n//# sourceMappingURL=${basename(out)}.map\n`);
  }
  // A source that was deleted or renamed leaves nothing behind to be required by mistake.
  // (Temporary files are left alone: another build, npm start beside npm test, may be
  // about to rename its own.)
  const webOut = join(outDir, WEB_APP);
  for (const file of filesUnder(project ? join(outDir, project) : outDir)) {
    if (file.startsWith(`${webOut}/`)) continue;
    if (!wanted.has(file) && !file.endsWith('.tmp')) rmSync(file, { force: true });
  }
  return written;
}

/**
 * Builds the officer console and citizen portal (apps/web) into dist/web with Vite, only when
 * a source, the lockfile or this script changed since the last build. Returns whether it built.
 */
export async function buildWeb(root = repoRoot, log = (/** @type {string} */ m) => console.log(m)) {
  const appDir = join(root, 'apps', WEB_APP);
  const outDir = join(root, 'dist', WEB_APP);
  const sources = [
    ...filesUnder(join(appDir, 'src')),
    ...filesUnder(join(appDir, 'public')),
    ...['index.html', 'vite.config.ts', 'tsconfig.json'].map((f) => join(appDir, f)),
    join(root, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ];
  const built = mtime(join(outDir, 'index.html'));
  if (built >= Math.max(...sources.map(mtime))) return false;
  const started = Date.now();
  const { build: viteBuild } = await import('vite');
  await viteBuild({
    root: appDir,
    configFile: join(appDir, 'vite.config.ts'),
    build: { outDir },
    logLevel: 'warn',
  });
  log(`[build] dist/web built by Vite (${Date.now() - started} ms)`);
  return true;
}

function loadCompiler(/** @type {NodeJS.Require} */ require, /** @type {string} */ root) {
  const ts = require('typescript');
  const {
    readDefaultTsConfig,
    tsCompilerOptionsToSwcConfig,
  } = require('@swc-node/register/read-default-tsconfig');
  const { transformSync } = require('@swc-node/core');
  // As @swc-node/register does for require(): CommonJS, whatever tsconfig's module says.
  // (Typed as what @swc-node reads: its own copy of TypeScript's CompilerOptions.)
  const options = /** @type {Parameters<typeof tsCompilerOptionsToSwcConfig>[0]} */ ({
    ...readDefaultTsConfig(join(root, 'tsconfig.json')),
    module: ts.ModuleKind.CommonJS,
  });
  return {
    transformSync,
    configFor: (/** @type {string} */ file) => ({
      ...tsCompilerOptionsToSwcConfig(options, file),
      sourcemap: true,
    }),
  };
}

// node tools/cli/build.mjs [--project <apps/name | libs/name>]: everything (npm run build),
// or one project (its Nx build target: npx nx run land-registry:build).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--project');
  const project = at >= 0 ? process.argv[at + 1]?.replace(/\/+$/, '') : undefined;
  const started = Date.now();
  if (project === `apps/${WEB_APP}`) {
    if (!(await buildWeb())) console.log('[build] dist/web up to date');
  } else if (project && !nodeProjects(repoRoot).includes(project)) {
    console.error(`[build] --project ${project}: no such project (apps/<name> or libs/<name>)`);
    process.exit(2);
  } else {
    const written = build(repoRoot, { project });
    const out = project ? `dist/${project}` : 'dist/';
    console.log(`[build] ${out} up to date (${written} files written, ${Date.now() - started} ms)`);
    if (!project) await buildWeb();
  }
}

// An Nx plugin of this repository (nx.json, "plugins"): gives every project the targets
// the repository's own tools run, so that `nx affected -t build` (or serve) works without
// a copy of the same target in twenty project.json files. Caching, inputs and outputs are
// nx.json's targetDefaults; project.json overrides what differs (apps/web's output).
//   build  node tools/cli/build.mjs --project <root>: the project's sources alone into
//          dist/<root> (a library's dependents build it first: ^build); apps/web by Vite
//          into dist/web.
//   serve  node tools/cli/start.mjs --only <name>: the infrastructure as npm start
//          provisions it (or KAFKA_BROKERS, MONGO_URL, OIDC_ISSUER_URL), and this one app;
//          for the services and the web gateway of the manifest (tools/services.json).
// `test` and `lint` come from @nx/jest and @nx/eslint.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * @typedef {{ name?: string, projectType?: string, targets?: Record<string, unknown> }} ProjectJson
 * @typedef {{ services: { name: string }[] }} Manifest
 */

/** @type {import('nx/src/project-graph/plugins/public-api').CreateNodesV2} */
export const createNodesV2 = [
  '{apps,libs}/*/project.json',
  async (files, _options, context) => {
    const manifest = /** @type {Manifest} */ (
      JSON.parse(readFileSync(join(context.workspaceRoot, 'tools/services.json'), 'utf8'))
    );
    const served = new Set(manifest.services.map((s) => s.name));
    return files.map((file) => {
      const root = dirname(file);
      const project = /** @type {ProjectJson} */ (
        JSON.parse(readFileSync(join(context.workspaceRoot, file), 'utf8'))
      );
      const name = project.name ?? root.split('/').pop() ?? root;
      /** @type {Record<string, import('nx/src/config/workspace-json-project-json').TargetConfiguration>} */
      const targets = {
        build: { command: `node tools/cli/build.mjs --project ${root}` },
      };
      if (served.has(name))
        targets.serve = {
          command: `node tools/cli/start.mjs --only ${name}`,
          continuous: true,
          cache: false,
        };
      return /** @type {const} */ ([file, { projects: { [root]: { targets } } }]);
    });
  },
];

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One entry of tools/services.json (described in tools/infra/manifest.mjs). */
export interface ServiceManifestEntry {
  name: string;
  port: number;
  portVariable?: string;
  kafkaConsumer: boolean;
  eventProducer: boolean;
  database: boolean;
  simulator?: boolean;
  gateway?: boolean;
  color: number;
}

export interface ServiceManifest {
  /** Every service's Node flags (why: tools/cli/services.mjs, NODE_FLAGS). */
  nodeFlags: string[];
  /** Variables every service starts with unless set (why: tools/cli/services.mjs, PROCESS_ENV). */
  processEnv: Record<string, string>;
  health: { live: string; ready: string; start: string };
  services: ServiceManifestEntry[];
}

const repoRoot = join(__dirname, '../../..');

/**
 * The manifest of services npm start runs (tools/services.json): the harness starts the
 * same processes with the same Node flags. Read from the repository, as the harness reads
 * dist/: tests run from a checkout, never from an image.
 */
export const SERVICE_MANIFEST: ServiceManifest = JSON.parse(
  readFileSync(join(repoRoot, 'tools/services.json'), 'utf8'),
);

import { readFileSync } from 'node:fs';
import { uniqueName } from '@lien-thong/test-infra';
import { ServiceProcess, spawnService } from './service-process';
import { SERVICE_MANIFEST } from './service-manifest';

/** A running process's NUL-separated /proc file, as a list. */
const procList = (pid: number, file: 'cmdline' | 'environ') =>
  readFileSync(`/proc/${pid}/${file}`, 'utf8').split('\0').filter(Boolean);

// The memory the services were measured with (docs/benchmarks.md, issue 18) holds only if
// every service really runs with the manifest's Node flags and variables, as npm start and
// the image run it: read back from the process the harness started.
describe('a service started by the harness', () => {
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    service = await spawnService(
      'agency-simulators',
      { MONGO_DB: uniqueName('process-env') },
      { quiet: true },
    );
  }, 200_000);
  afterAll(() => service?.stop());

  it('runs with the Node flags and process variables of tools/services.json', () => {
    const pid = service?.child.pid ?? 0;
    expect(procList(pid, 'cmdline')).toEqual(expect.arrayContaining(SERVICE_MANIFEST.nodeFlags));
    const environ = procList(pid, 'environ');
    for (const [name, value] of Object.entries(SERVICE_MANIFEST.processEnv))
      expect(environ).toContain(`${name}=${value}`);
    expect(environ).toContain('MALLOC_ARENA_MAX=2');
  });
});

// Live heap of a service when the benchmark asks for it (the soak's "no growth"). The
// benchmark loads this file into every service with NODE_OPTIONS=--require when it soaks,
// and sends SIGURG at each point it measures: the hook runs two full garbage collections
// and writes what is left (the memory the service still holds on to) and its RSS to
// <BENCH_HEAP_DIR>/<service>.heap.<n>.json. While a file named "snapshot" is in that
// folder it also writes a heap snapshot beside it, to find what grew (bench/live-heap.ts).
// RSS alone cannot tell data kept alive from V8 sizing its heap up. SIGURG: Nest's
// shutdown hooks leave it alone, and a process without this hook ignores it.
'use strict';
const v8 = require('node:v8');
const vm = require('node:vm');
const { existsSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_HEAP_DIR;
if (dir) {
  const service = /apps\/([^/]+)\//.exec(process.argv[1] ?? '')?.[1] ?? `pid${process.pid}`;
  // The collector itself, as --expose-gc would give it (the inspector's collectGarbage,
  // posted from inside the process, never answered).
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  let part = 0;
  process.on('SIGURG', () => {
    part += 1;
    gc();
    gc();
    const memory = process.memoryUsage();
    const spaces = Object.fromEntries(
      v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]),
    );
    if (existsSync(join(dir, 'snapshot')))
      v8.writeHeapSnapshot(join(dir, `${service}.heap.${part}.heapsnapshot`));
    // Renamed once complete: the benchmark waits for the file and reads it at once.
    const file = join(dir, `${service}.heap.${part}.json`);
    writeFileSync(`${file}.part`, JSON.stringify({ at: Date.now(), memory, spaces }));
    renameSync(`${file}.part`, file);
  });
}

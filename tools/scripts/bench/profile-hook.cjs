// CPU profiling of a service during one benchmark phase. The benchmark loads this file into
// every service with NODE_OPTIONS=--require when it runs with --cpu-prof, then sends SIGWINCH
// at the start of the measured phase (start profiling) and again at its end (stop and write
// <BENCH_PROFILE_DIR>/<service>.<n>.cpuprofile). Node's own --cpu-prof is no use here: it
// writes on a normal exit only, and Nest re-raises SIGTERM after its shutdown hooks. Not
// SIGUSR2: Nest's enableShutdownHooks() stops the service on it; SIGWINCH is one Nest leaves
// alone, and a process without this hook ignores it.
'use strict';
const inspector = require('node:inspector');
const { renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_PROFILE_DIR;
// µs between samples. Each sample interrupts the service (about 20 µs of CPU each on this
// machine, idle or not): 2 ms keeps that near 1 % of a core and still gives thousands of
// samples per service in a one-minute step.
const interval = Number(process.env.BENCH_PROFILE_INTERVAL_US ?? 2000);
if (dir) {
  const service = /apps\/([^/]+)\//.exec(process.argv[1] ?? '')?.[1] ?? `pid${process.pid}`;
  const session = new inspector.Session();
  session.connect();
  let running = false;
  let part = 0;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval }, () =>
          session.post('Profiler.start'),
        ),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, result) => {
      if (err || !result) return;
      part += 1;
      // Renamed once complete: the benchmark waits for the file and reads it at once.
      const file = join(dir, `${service}.${part}.cpuprofile`);
      writeFileSync(`${file}.part`, JSON.stringify(result.profile));
      renameSync(`${file}.part`, file);
    });
  });
}

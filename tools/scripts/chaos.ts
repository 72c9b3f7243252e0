// npm run chaos [-- --n 300] [--small] [--instances 2] [--verbose]: dossiers submitted while
// agencies fail, services crash and Kafka restarts; then an audit of the whole history, a
// readable table and one JSON line (lost, duplicates, dead letters, breaker opens, recovery
// time). --instances 2 runs every service twice (one database and consumer group each,
// DOCUMENT_LOCK=lease); each crash then kills one instance while the other goes on.
import 'reflect-metadata';
import {
  chaosFailures,
  formatChaosReport,
  fullChaosPlan,
  runChaos,
  smallChaosPlan,
} from '@lien-thong/testing';

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

async function main(): Promise<void> {
  const n = Math.round(option('n', 300));
  const instances = Math.round(option('instances', 1));
  const plan = process.argv.includes('--small') ? smallChaosPlan(n) : fullChaosPlan(n);
  console.log(
    `[chaos] ${n} dossiers over ${plan.submitOverMs / 1000} s, ${plan.faults.length} faults, ${instances} instance(s) of each service; starting the stack…`,
  );
  const report = await runChaos({
    plan,
    instances,
    log: (line) => console.log(`[chaos] ${line}`),
    serviceLogLevel: process.argv.includes('--verbose') ? 'warn' : 'error',
  });
  console.log(`\n${formatChaosReport(report)}\n`);
  const failures = chaosFailures(report);
  for (const f of failures) console.error(`[chaos] FAILED: ${f}`);
  console.log(`[chaos] finished in ${report.seconds.total} s`);
  console.log(JSON.stringify({ instances, ...report.audit.summary }));
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(`[chaos] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});

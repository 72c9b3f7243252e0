// npm run demo: the whole stack, a scripted set of citizens, and what happened to each.
import 'reflect-metadata';
import {
  authAs,
  DEMO_SCENARIOS,
  runScenario,
  SAMPLE_USERS,
  ScenarioResult,
  Stack,
  startStack,
} from '@lien-thong/testing';

const vnd = (n: number) => n.toLocaleString('vi-VN');

function table(results: ScenarioResult[]): string {
  const rows = results.map((r) => [
    r.dossierCode,
    r.procedure,
    r.scenario,
    r.status === 'REFUSED' ? `REFUSED (${r.refusalCode})` : r.status,
    r.obligations.map((o) => `${o.code} ${vnd(o.amountVnd)}`).join(', ') || '—',
    `${r.workingDays.used}/${r.workingDays.allowed}`,
    String(r.notifications),
  ]);
  const header = [
    'dossier',
    'procedure',
    'scenario',
    'outcome',
    'obligations (VND)',
    'working days used/allowed',
    'notifications',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Submitted, registered, refused and stuck dossiers of each procedure the demo played. */
function byProcedure(results: ScenarioResult[]) {
  const counts: Record<
    string,
    { submitted: number; registered: number; refused: number; stuck: number }
  > = {};
  DEMO_SCENARIOS.forEach((s) => {
    const key = s.procedure ?? 'TRANSFER';
    counts[key] ??= { submitted: 0, registered: 0, refused: 0, stuck: 0 };
    counts[key].submitted++;
    const r = results.find((x) => x.scenario === s.name);
    if (!r) counts[key].stuck++;
    else if (r.status === 'RESULT_READY' || r.status === 'DONE') counts[key].registered++;
    else if (r.status === 'REFUSED') counts[key].refused++;
  });
  return counts;
}

/** What the construction department was asked, as its officers of each province see it. */
async function constructionFigures(stack: Stack) {
  const figures = { requests: 0, answered: 0, lateFlagged: 0 };
  for (const officer of [SAMPLE_USERS.constructionHaNoi, SAMPLE_USERS.constructionAnGiang]) {
    const res = await fetch(`${stack.url.construction}/opinion-requests`, {
      headers: await authAs(officer),
    });
    if (!res.ok) throw new Error(`GET /opinion-requests as ${officer} → ${res.status}`);
    const requests = (await res.json()) as { status: string; late: boolean }[];
    figures.requests += requests.length;
    figures.answered += requests.filter((r) => r.status === 'ANSWERED').length;
    figures.lateFlagged += requests.filter((r) => r.late).length;
  }
  return figures;
}

async function main(): Promise<void> {
  console.log('[demo] starting the six services and the agency simulators…');
  const stack = await startStack({ common: { RETRY_DELAYS_MS: '500,2000,5000' } });
  try {
    console.log(
      `[demo] land registry at ${stack.url['land-registry']} (docs at /docs); submitting ${DEMO_SCENARIOS.length} dossiers`,
    );
    const settled = await Promise.allSettled(
      DEMO_SCENARIOS.map((s, i) => runScenario(stack, s, i, 180_000)),
    );
    const results = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    for (const s of settled)
      if (s.status === 'rejected') console.error(`[demo] stuck: ${String(s.reason)}`);
    console.log(`\n${table(results)}\n`);
    const summary = {
      submitted: DEMO_SCENARIOS.length,
      registered: results.filter((r) => r.status === 'RESULT_READY' || r.status === 'DONE').length,
      refused: results.filter((r) => r.status === 'REFUSED').length,
      stuck: DEMO_SCENARIOS.length - results.length,
      notifications: results.reduce((n, r) => n + r.notifications, 0),
      procedures: byProcedure(results),
      construction: await constructionFigures(stack),
    };
    console.log(JSON.stringify(summary));
    process.exitCode = summary.stuck === 0 ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`[demo] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

import type { ChaosReport } from './chaos-run';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ok = (good: boolean) => (good ? 'ok' : 'FAILED');
const pairs = (m: Record<string, Record<string, number>>) =>
  Object.entries(m)
    .flatMap(([service, agencies]) =>
      Object.entries(agencies).map(([agency, n]) => `${service}→${agency} ${n}`),
    )
    .join(', ') || '—';

/** Everything that failed the audit, in words (empty when the run is clean). */
export function chaosFailures(report: ChaosReport): string[] {
  const { audit } = report;
  const s = audit.summary;
  return [
    ...(s.lost > 0 ? [`${s.lost} dossier(s) lost`] : []),
    ...(audit.unexpected.length > 0
      ? [`${audit.unexpected.length} dossier(s) settled otherwise than the law says`]
      : []),
    ...(s.duplicateNotices > 0 ? [`${s.duplicateNotices} duplicate tax notice(s)`] : []),
    ...(s.duplicatePayments > 0 ? [`${s.duplicatePayments} duplicate payment(s)`] : []),
    ...(s.duplicateNotifications > 0 ? [`${s.duplicateNotifications} duplicate message(s)`] : []),
    ...(audit.notifications.missing > 0
      ? [`${audit.notifications.missing} message(s) never sent`]
      : []),
    ...(audit.deadLetters.unexplained.length > 0
      ? [`unexplained dead letters: ${audit.deadLetters.unexplained.join('; ')}`]
      : []),
    ...(audit.deadLetters.poisonNotDeadLettered.length > 0
      ? [`poison not dead-lettered: ${audit.deadLetters.poisonNotDeadLettered.join('; ')}`]
      : []),
    ...(s.chargedWithoutLiveDossier > 0
      ? [`${s.chargedWithoutLiveDossier} payment(s) kept for a refused or withdrawn dossier`]
      : []),
    ...(s.refundsMissing > 0 ? [`${s.refundsMissing} refund(s) missing or never told`] : []),
    ...(s.registeredWithoutApproval > 0
      ? [`${s.registeredWithoutApproval} registration(s) without a leader's approval`]
      : []),
    ...(s.ownersLost > 0 ? [`${s.ownersLost} owner(s) lost by the cadastral book`] : []),
    ...(s.stuck > 0 ? [`${s.stuck} dossier(s) stuck`] : []),
    ...(s.constructionRequestsUnanswered > 0
      ? [
          `${s.constructionRequestsUnanswered} house dossier(s) without the construction department's answer`,
        ]
      : []),
    ...(s.constructionAnswersDuplicated > 0
      ? [`${s.constructionAnswersDuplicated} construction answer(s) given or applied twice`]
      : []),
    ...(s.houseDossiersStuck > 0 ? [`${s.houseDossiersStuck} house dossier(s) stuck`] : []),
    ...(s.housesMisrecorded > 0
      ? [`${s.housesMisrecorded} house(s) misrecorded in the cadastral book`]
      : []),
    ...(s.houseChargesWrong > 0
      ? [`${s.houseChargesWrong} house dossier(s) charged other than the registration fee`]
      : []),
    ...(report.cluster?.bus.missing.length
      ? [`events missing from the bus: ${report.cluster.bus.missing.slice(0, 10).join('; ')}`]
      : []),
    ...(report.cluster?.bus.duplicated.length
      ? [`events applied twice: ${report.cluster.bus.duplicated.slice(0, 10).join('; ')}`]
      : []),
    ...(audit.stillWaitingForAgency > 0
      ? [`${audit.stillWaitingForAgency} dossier(s) still marked as waiting for an agency`]
      : []),
  ];
}

/** The readable part of the run's output. */
export function formatChaosReport(report: ChaosReport): string {
  const { audit, backlog } = report;
  const s = audit.summary;
  const outcomes = Object.entries(audit.byScenario).map(([scenario, actual]) => [
    scenario,
    Object.entries(actual)
      .map(([status, n]) => `${status} ${n}`)
      .join(', '),
  ]);
  const dlq = Object.entries(audit.deadLetterTopics)
    .map(([service, t]) => `${service} ${t.messages} (${t.withReason} with reason)`)
    .join(', ');
  const checks = [
    ['dossiers submitted', String(s.submitted), ''],
    [
      'registered / refused / waiting for the citizen',
      `${s.registered} / ${s.refused} / ${s.waitingForCitizen}`,
      '',
    ],
    ['lost (not settled or not received)', String(s.lost), ok(s.lost === 0)],
    [
      'settled otherwise than expected',
      String(audit.unexpected.length),
      ok(audit.unexpected.length === 0),
    ],
    [
      'duplicate tax notices (e-tax vs assessments, announcements)',
      String(s.duplicateNotices),
      ok(s.duplicateNotices === 0),
    ],
    [
      'duplicate payments (gateway, assessments, ObligationsPaid)',
      String(s.duplicatePayments),
      ok(s.duplicatePayments === 0),
    ],
    [
      'messages: delivered / duplicate / missing',
      `${audit.notifications.delivered} / ${s.duplicateNotifications} / ${audit.notifications.missing}`,
      ok(s.duplicateNotifications === 0 && audit.notifications.missing === 0),
    ],
    [
      'dead letters (explained as injected poison)',
      `${s.deadLetters} (${audit.deadLetters.explained} explained)`,
      ok(
        audit.deadLetters.unexplained.length === 0 &&
          audit.deadLetters.poisonNotDeadLettered.length === 0,
      ),
    ],
    ['dead-letter topics', dlq, ''],
    ['breaker opens (history on the bus)', pairs(s.breakerOpens), ''],
    ['breaker closes (history on the bus)', pairs(audit.breakerCloses), ''],
    ['breaker opens since each last start (/health)', pairs(audit.healthOpens), ''],
    ['backlog peak waiting per agency (GET /backlog)', JSON.stringify(backlog.peak), ''],
    [
      'dossiers that waited for the Justice registry; order kept after (share of pairs)',
      `${backlog.waited['justice-registry']?.size ?? 0}, order ${report.justiceDrainOrder ?? '—'}`,
      '',
    ],
    [
      'dossiers whose timeline says they waited, per agency',
      JSON.stringify(audit.waitedInTimeline),
      '',
    ],
    [
      'still waiting for an agency at the end',
      String(audit.stillWaitingForAgency),
      ok(audit.stillWaitingForAgency === 0),
    ],
    [
      'house registrations: unanswered / answers twice / stuck (of submitted)',
      `${s.constructionRequestsUnanswered} / ${s.constructionAnswersDuplicated} / ${s.houseDossiersStuck} (of ${s.houses})`,
      ok(
        s.constructionRequestsUnanswered +
          s.constructionAnswersDuplicated +
          s.houseDossiersStuck ===
          0,
      ),
    ],
    [
      'houses misrecorded in the book / charged other than the registration fee',
      `${s.housesMisrecorded} / ${s.houseChargesWrong}`,
      ok(s.housesMisrecorded + s.houseChargesWrong === 0),
    ],
    ['recovery after the last fault (s)', String(s.recoverySeconds), ''],
    ['Kafka broker restarted', report.kafkaRestarted ? 'yes' : 'no', ''],
  ];
  if (report.cluster) {
    const { leaderKilled: k, bus } = report.cluster;
    checks.push(
      [
        "Kafka node killed (leader of the run's partitions)",
        k ? `node ${k.node}, ${k.ledPartitions} of ${k.partitions}` : 'none',
        ok(!!k),
      ],
      [
        "dossiers' events on the bus: missing / applied twice (republished copies)",
        `${bus.missing.length} / ${bus.duplicated.length} (${bus.republished})`,
        ok(bus.missing.length + bus.duplicated.length === 0),
      ],
    );
  }
  const sections = [
    'What was done',
    report.faultLog.join('\n'),
    '',
    'Outcomes per scenario',
    table(['scenario', 'outcome'], outcomes),
    '',
    'Audit',
    table(['check', 'result', ''], checks),
  ];
  for (const [agency, example] of Object.entries(backlog.examples))
    sections.push(
      '',
      `A dossier while it waited for ${agency}: ${example.dossierCode} ${JSON.stringify(example.waitingFor)}`,
      `  its timeline: ${example.timelineVi ?? '—'}`,
    );
  const problems = [
    ...audit.lostDossiers
      .slice(0, 10)
      .map(
        (o) =>
          `lost: ${o.dossierCode ?? '—'} ${o.scenario}: ${o.actual} (last step ${o.lastStep ?? '—'}; on the bus: ${o.trace ?? '—'})`,
      ),
    ...audit.unexpected
      .slice(0, 10)
      .map(
        (o) =>
          `unexpected: ${o.dossierCode ?? '—'} ${o.scenario}: expected ${o.expected}, got ${o.actual}`,
      ),
    ...audit.notifications.examples,
  ];
  if (problems.length > 0) sections.push('', 'Examples of problems', ...problems);
  return sections.join('\n');
}

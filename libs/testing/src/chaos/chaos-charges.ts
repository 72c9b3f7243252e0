import { Topics } from '@lien-thong/contracts';
import type { ChaosDatabases } from './chaos-databases';
import { BusHistory, countBy } from './chaos-bus';

interface AssessmentDoc {
  dossierCode: string;
  status: string;
  notices: unknown[];
}

/**
 * No double charge, from both sides: what e-tax issued and the payment gateway took
 * (the simulators' databases), what tax-obligation recorded, and what it announced.
 * - duplicate notices: notices e-tax issued for a dossier beyond those of the assessment
 *   that stands, plus any second ObligationsAssessed for a dossier;
 * - duplicate payments: a second transaction at the gateway, a second PAID assessment or a
 *   second ObligationsPaid for one dossier.
 */
export async function auditCharges(
  db: ChaosDatabases,
  bus: BusHistory,
): Promise<{ duplicateNotices: number; duplicatePayments: number }> {
  const assessments = await db.find<AssessmentDoc>(
    'tax-obligation',
    'assessments',
    {},
    { dossierCode: 1, status: 1, notices: 1 },
  );
  // A voided filing (refusal, withdrawal, or a slip revision that superseded it) charges nobody.
  const filings = (
    await db.find<{ dossierCode: string; notices: unknown[]; voidedAt?: string }>(
      'agency-simulators',
      'etax_filings',
      {},
      { dossierCode: 1, notices: 1, voidedAt: 1 },
    )
  ).filter((f) => !f.voidedAt);
  const given = new Map<string, number>();
  for (const a of assessments)
    // The assessment that stands: returned, superseded, cancelled or refunded ones do not.
    if (['ASSESSED', 'PAID'].includes(a.status) && !given.has(a.dossierCode))
      given.set(a.dossierCode, a.notices.length);
  const issued = new Map<string, number>();
  for (const f of filings)
    issued.set(f.dossierCode, (issued.get(f.dossierCode) ?? 0) + f.notices.length);
  let duplicateNotices = 0;
  for (const [code, n] of issued) duplicateNotices += Math.max(0, n - (given.get(code) ?? 0));
  // Each assessment a corrected slip superseded (and tax cancelled) was replaced, not doubled.
  const superseded = countBy(
    bus.events(Topics.ObligationsCancelled).filter((e) => e.payload?.reason === 'SUPERSEDED'),
    (e) => e.dossierKey,
  );
  for (const [code, n] of countBy(bus.events(Topics.ObligationsAssessed), (e) => e.dossierKey))
    duplicateNotices += Math.max(0, n - 1 - (superseded.get(code) ?? 0));

  const orders = await db.find<{ _id: string; dossierCode: string }>(
    'agency-simulators',
    'payment_orders',
    {},
    { _id: 1, dossierCode: 1 },
  );
  // Cancellations settle an order too (so that a payment cannot race them); they charge nobody.
  const transactions = (
    await db.find<{ _id: string; kind?: string }>(
      'agency-simulators',
      'payment_transactions',
      {},
      { _id: 1, kind: 1 },
    )
  ).filter((t) => t.kind !== 'CANCELLATION');
  const dossierOf = new Map(orders.map((o) => [o._id, o.dossierCode]));
  let duplicatePayments = 0;
  for (const perDossier of [
    countBy(transactions, (t) => dossierOf.get(t._id) ?? t._id),
    countBy(
      assessments.filter((a) => a.status === 'PAID'),
      (a) => a.dossierCode,
    ),
    countBy(bus.events(Topics.ObligationsPaid), (e) => e.dossierKey),
  ])
    for (const [, n] of perDossier) duplicatePayments += n - 1;
  return { duplicateNotices, duplicatePayments };
}

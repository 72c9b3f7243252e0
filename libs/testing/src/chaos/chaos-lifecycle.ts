import type { ChaosDatabases } from './chaos-databases';

interface Share {
  shareNumerator: number;
  shareDenominator: number;
  citizenId: string;
}

interface ParcelDoc {
  _id: string;
  owners: Share[];
  ownerHistory?: { owners: Share[]; changedByDossier: string }[];
}

interface LifecycleDossier {
  _id: string;
  status: string;
  /** Absent on a transfer. */
  procedure?: string;
  sellers: { citizenId: string }[];
  approval?: { by: { username: string } } | null;
  proposal?: { by: { username: string } } | null;
  cadastralPending?: boolean;
}

interface OrderDoc {
  dossierCode: string;
  transactionId?: string;
  refundId?: string;
}

export interface LifecycleAudit {
  /** Money the state still holds for a refused or withdrawn dossier. */
  chargedWithoutLiveDossier: number;
  /** Paid for a dossier that closed, and the citizen never told of the refund. */
  refundsMissing: number;
  /** Registered with no leader's approval, or approved by the officer who proposed it. */
  registeredWithoutApproval: number;
  /**
   * Owners lost by the cadastral book: shares that no longer add up to the whole parcel, a
   * co-owner who did not sell missing after a registration, or a registration whose book
   * update never happened.
   */
  ownersLost: number;
}

const CLOSED = ['REFUSED', 'WITHDRAWN'];
const REGISTERED = ['RESULT_READY', 'DONE'];
/** The procedures whose registration moves the right from the `sellers` to others. */
const OWNERS_LEAVE = ['TRANSFER', 'INHERITANCE'];

function addsUpToWhole(owners: Share[]): boolean {
  // Exact: sum n_i/d_i == 1 ⇔ Σ n_i·(D/d_i) == D with D the product of the denominators.
  const D = owners.reduce((p, o) => p * BigInt(o.shareDenominator), 1n);
  const sum = owners.reduce(
    (s, o) => s + BigInt(o.shareNumerator) * (D / BigInt(o.shareDenominator)),
    0n,
  );
  return owners.length > 0 && sum === D;
}

/**
 * What the land office and tax did with the people's decisions, from what they stored: the
 * gateway's orders and refunds, the messages the citizens were sent, the dossiers' approvals
 * and the cadastral book.
 */
export async function auditLifecycle(
  db: ChaosDatabases,
  refundTemplate: string,
): Promise<LifecycleAudit> {
  const dossiers = await db.find<LifecycleDossier>(
    'land-registry',
    'dossiers',
    {},
    { _id: 1, status: 1, procedure: 1, sellers: 1, approval: 1, proposal: 1, cadastralPending: 1 },
  );
  const byCode = new Map(dossiers.map((d) => [d._id, d]));
  const orders = await db.find<OrderDoc>(
    'agency-simulators',
    'payment_orders',
    {},
    { dossierCode: 1, transactionId: 1, refundId: 1 },
  );
  const told = new Set(
    (
      await db.find<{ dossierCode: string; template: string }>(
        'notification',
        'deliveries',
        { template: refundTemplate },
        { dossierCode: 1, template: 1 },
      )
    ).map((m) => m.dossierCode),
  );
  const paidForClosed = orders.filter(
    (o) => o.transactionId && CLOSED.includes(byCode.get(o.dossierCode)?.status ?? ''),
  );
  const registered = dossiers.filter((d) => REGISTERED.includes(d.status));
  const parcels = await db.find<ParcelDoc>(
    'land-registry',
    'parcels',
    { 'ownerHistory.0': { $exists: true } },
    { _id: 1, owners: 1, ownerHistory: 1 },
  );
  let ownersLost = registered.filter((d) => d.cadastralPending).length;
  for (const p of parcels) {
    if (!addsUpToWhole(p.owners)) ownersLost++;
    const last = p.ownerHistory?.[p.ownerHistory.length - 1];
    // Only a transfer or an inheritance lets owners go: for the other procedures (a house
    // registration, say) `sellers` are the holders, who stay.
    const changedBy = byCode.get(last?.changedByDossier ?? '');
    const sellers = new Set(
      (OWNERS_LEAVE.includes(changedBy?.procedure ?? 'TRANSFER')
        ? (changedBy?.sellers ?? [])
        : []
      ).map((s) => s.citizenId),
    );
    for (const before of last?.owners ?? [])
      if (!sellers.has(before.citizenId) && !p.owners.some((o) => o.citizenId === before.citizenId))
        ownersLost++;
  }
  return {
    chargedWithoutLiveDossier: paidForClosed.filter((o) => !o.refundId).length,
    refundsMissing: paidForClosed.filter((o) => !o.refundId || !told.has(o.dossierCode)).length,
    registeredWithoutApproval: registered.filter(
      (d) => !d.approval || d.approval.by.username === d.proposal?.by.username,
    ).length,
    ownersLost,
  };
}

import { DocumentLease, DocumentLeaseRepository } from './document-lease.repository';
import { DocumentLeases, LEASE_MS } from './document-leases';

/** The lease collection as the server keeps it: a unique _id, nothing else guaranteed. */
class MemoryLeases {
  readonly docs = new Map<string, DocumentLease>();
  writes = 0;
  claim = async (lease: DocumentLease) => {
    this.writes++;
    if (this.docs.has(lease._id)) return false;
    this.docs.set(lease._id, { ...lease });
    return true;
  };
  find = async (key: string) => this.docs.get(key) ?? null;
  extend = async (key: string, owner: string, expiresAt: Date) => {
    this.writes++;
    const doc = this.docs.get(key);
    if (doc?.owner === owner) doc.expiresAt = expiresAt;
  };
  remove = async (key: string, owner: string, expiresAt?: Date) => {
    this.writes++;
    const doc = this.docs.get(key);
    if (doc?.owner === owner && (!expiresAt || doc.expiresAt.getTime() === expiresAt.getTime()))
      this.docs.delete(key);
  };
}

const leasesOn = (memory: MemoryLeases) =>
  new DocumentLeases(memory as unknown as DocumentLeaseRepository);

describe('document leases', () => {
  it('two instances never hold one document at once', async () => {
    const memory = new MemoryLeases();
    const [a, b] = [leasesOn(memory), leasesOn(memory)];
    let holders = 0;
    let most = 0;
    const work = async (leases: DocumentLeases) => {
      await leases.acquire('dossiers:HS-1');
      most = Math.max(most, ++holders);
      await new Promise((resolve) => setTimeout(resolve, 2));
      holders--;
      await leases.release('dossiers:HS-1');
    };
    // Each instance one caller at a time (its document lock queues the others), five rounds.
    const rounds = async (leases: DocumentLeases) => {
      for (let i = 0; i < 5; i++) await work(leases);
    };
    await Promise.all([rounds(a), rounds(b)]);
    expect(most).toBe(1);
    expect(memory.docs.size).toBe(0);
  });

  it('an expired lease is taken over by one contender only, through the claim of its generation', async () => {
    const memory = new MemoryLeases();
    const stale = { _id: 'dossiers:HS-2', owner: 'crashed', expiresAt: new Date(Date.now() - 1) };
    memory.docs.set(stale._id, { ...stale });
    const [a, b] = [leasesOn(memory), leasesOn(memory)];
    const won = await Promise.race([
      a.acquire('dossiers:HS-2').then(() => a),
      b.acquire('dossiers:HS-2').then(() => b),
    ]);
    const claims = [...memory.docs.keys()].filter((k) => k.includes('~'));
    expect(claims).toEqual([`dossiers:HS-2~crashed~${stale.expiresAt.getTime()}`]);
    expect(memory.docs.get('dossiers:HS-2')?.owner).not.toBe('crashed');
    await won.release('dossiers:HS-2');
    const other = won === a ? b : a;
    await other.acquire('dossiers:HS-2');
    await other.release('dossiers:HS-2');
    expect(memory.docs.has('dossiers:HS-2')).toBe(false);
  });

  it('a lease held a while is renewed, so that nobody takes it over while its holder works', async () => {
    jest.useFakeTimers({ now: Date.now() });
    try {
      const memory = new MemoryLeases();
      const leases = leasesOn(memory);
      await leases.acquire('dossiers:HS-3');
      const first = memory.docs.get('dossiers:HS-3')?.expiresAt.getTime() ?? 0;
      await jest.advanceTimersByTimeAsync(LEASE_MS / 3 + 10);
      expect(memory.docs.get('dossiers:HS-3')?.expiresAt.getTime()).toBeGreaterThan(first);
      await leases.release('dossiers:HS-3');
      expect(memory.docs.size).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});

import { Actor, Role } from '@lien-thong/platform';
import { GENESIS_HASH, StoredAuditRecord } from './audit-record';
import {
  auditActor,
  hashOf,
  prepareEntry,
  sanitizeDetails,
  sealRecord,
  verifyRecords,
} from './chain';

const officer: Actor = {
  subject: '5b0c6a1e-0000-4000-8000-000000000001',
  username: 'motcua.badinh',
  fullName: 'Lê Thu Hà',
  roles: [Role.CounterOfficer],
  unit: '01/CN-BADINH',
};

/** A chain of n records as they would be stored. */
function chain(n: number): StoredAuditRecord[] {
  const docs: StoredAuditRecord[] = [];
  for (let i = 0; i < n; i++) {
    const prev = docs.at(-1);
    docs.push(
      sealRecord(
        prepareEntry({
          actor: officer,
          action: 'DOSSIER.REFUSED',
          dossierCode: `000.00.01.H01-261110-000${i}`,
          ip: '127.0.0.1',
          details: { reasonVi: 'Thiếu hợp đồng', n: i },
        }),
        new Date(Date.UTC(2026, 10, 10, 8, 0, i)),
        prev ? { seq: prev._id, hash: prev.hash } : null,
      ),
    );
  }
  return docs;
}

describe('sealing a record', () => {
  it('numbers records from 1, links each to the hash before, and hashes every other field', () => {
    const [first, second] = chain(2);
    expect(first).toMatchObject({
      _id: 1,
      v: 1,
      prevHash: GENESIS_HASH,
      action: 'DOSSIER.REFUSED',
    });
    expect(second).toMatchObject({ _id: 2, prevHash: first.hash });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(first as unknown as Record<string, unknown>)).toBe(first.hash);
    // The same content in another field order hashes the same.
    const reordered = Object.fromEntries(Object.entries(first).reverse());
    expect(hashOf(reordered)).toBe(first.hash);
  });

  it("records the actor's identity from the token, never a citizen ID", () => {
    expect(auditActor({ ...officer, citizenId: undefined })).toEqual({
      subject: officer.subject,
      username: 'motcua.badinh',
      fullName: 'Lê Thu Hà',
      roles: ['counter-officer'],
      unit: '01/CN-BADINH',
    });
    const citizen: Actor = {
      subject: 'c1',
      username: '001060100000',
      fullName: 'Nguyễn Văn An',
      roles: [Role.Citizen],
      citizenId: '001060100000',
    };
    const recorded = auditActor(citizen);
    expect(recorded).toEqual({
      subject: 'c1',
      username: '001*******00',
      fullName: 'Nguyễn Văn An',
      roles: ['citizen'],
    });
    expect(JSON.stringify(recorded)).not.toContain('001060100000');
  });

  it('masks citizen IDs and phone numbers in details and keeps them plain JSON', () => {
    expect(
      sanitizeDetails({
        sellers: [{ citizenId: '001060100000' }],
        phone: '0912345678',
        intl: '+84912345678',
        reasonVi: 'Sai số định danh 001060100000 của bên bán',
        at: new Date('2026-11-10T00:00:00Z'),
        amount: 150_000_000_000,
      }),
    ).toEqual({
      sellers: [{ citizenId: '001*******00' }],
      phone: '091****678',
      intl: '+8491****678',
      reasonVi: 'Sai số định danh 001*******00 của bên bán',
      at: '2026-11-10T00:00:00.000Z',
      amount: 150_000_000_000,
    });
  });

  it('refuses an action that is not a stable code, and oversized details', () => {
    expect(() => prepareEntry({ action: 'từ chối hồ sơ' })).toThrow(/not a code/);
    expect(() => prepareEntry({ action: 'REFUSED' })).toThrow(/not a code/);
    expect(() => prepareEntry({ action: 'X.Y', details: { big: 'x'.repeat(9000) } })).toThrow(
      RangeError,
    );
    expect(prepareEntry({ action: 'AUTH.TOKEN_REJECTED' })).toEqual({
      actor: null,
      action: 'AUTH.TOKEN_REJECTED',
      dossierCode: null,
      ip: null,
      details: null,
    });
  });
});

describe('verifying the chain', () => {
  it('accepts an intact chain (and an empty one) and reports the last hash', () => {
    const docs = chain(5);
    expect(verifyRecords(docs as never)).toEqual({ ok: true, records: 5, lastHash: docs[4].hash });
    expect(verifyRecords([])).toEqual({ ok: true, records: 0, lastHash: GENESIS_HASH });
  });

  it('names a record whose content was edited', () => {
    const docs = chain(5);
    docs[2] = { ...docs[2], details: { reasonVi: 'Đã sửa', n: 2 } };
    expect(verifyRecords(docs as never)).toEqual({
      ok: false,
      records: 2,
      firstBroken: expect.objectContaining({ seq: 3, reason: 'HASH_MISMATCH' }),
    });
  });

  it('names a record to which a field was added', () => {
    const docs = chain(3);
    docs[1] = { ...docs[1], note: 'thêm' } as never;
    expect(verifyRecords(docs as never)).toMatchObject({
      ok: false,
      firstBroken: { seq: 2, reason: 'HASH_MISMATCH' },
    });
  });

  it('names the record after one that was edited and re-hashed', () => {
    const docs = chain(4);
    const { hash: _hash, ...edited } = { ...docs[1], action: 'DOSSIER.ACCEPTED' };
    docs[1] = { ...edited, hash: hashOf(edited) };
    expect(verifyRecords(docs as never)).toMatchObject({
      ok: false,
      records: 2,
      firstBroken: { seq: 3, reason: 'PREV_HASH_MISMATCH' },
    });
  });

  it('names the first missing sequence number when a record was deleted', () => {
    const docs = chain(5);
    docs.splice(1, 1);
    expect(verifyRecords(docs as never)).toMatchObject({
      ok: false,
      records: 1,
      firstBroken: { seq: 2, reason: 'SEQUENCE_GAP' },
    });
    expect(verifyRecords(chain(3).slice(1) as never)).toMatchObject({
      firstBroken: { seq: 1, reason: 'SEQUENCE_GAP' },
    });
  });

  it('names a first record that does not start from the genesis hash', () => {
    const docs = chain(2);
    const { hash: _hash, ...forged } = { ...docs[0], prevHash: 'f'.repeat(64) };
    docs[0] = { ...forged, hash: hashOf(forged) };
    expect(verifyRecords(docs as never)).toMatchObject({
      firstBroken: { seq: 1, reason: 'PREV_HASH_MISMATCH' },
    });
  });

  it('names a record that cannot be serialized or has no number', () => {
    const docs = chain(3);
    expect(verifyRecords([docs[0], { ...docs[1], details: { n: NaN } }] as never)).toMatchObject({
      firstBroken: { seq: 2, reason: 'MALFORMED' },
    });
    expect(verifyRecords([docs[0], { ...docs[1], _id: 'two' }] as never)).toMatchObject({
      firstBroken: { seq: 2, reason: 'MALFORMED' },
    });
  });
});

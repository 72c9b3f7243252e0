import { vietnamInstant } from '@lien-thong/calendar';
import { InMemoryDossierSequence, issueDossierCode, sequenceKey } from './sequence';

describe('dossier sequence', () => {
  it('never repeats a number for one unit and day, even under concurrency', async () => {
    const sequence = new InMemoryDossierSequence();
    const numbers = await Promise.all(
      Array.from({ length: 500 }, () => sequence.next('VPDK01', '2026-03-06')),
    );
    expect(new Set(numbers).size).toBe(500);
    expect(Math.max(...numbers)).toBe(500);
  });

  it('starts again at 1 for another unit or another day', async () => {
    const sequence = new InMemoryDossierSequence();
    await sequence.next('VPDK01', '2026-03-06');
    expect(await sequence.next('VPDK02', '2026-03-06')).toBe(1);
    expect(await sequence.next('VPDK01', '2026-03-07')).toBe(1);
    expect(sequenceKey('VPDK01', '2026-03-07')).toBe('VPDK01|2026-03-07');
  });

  it('dates the code by the local day of receipt, also after the 15:00 cut-off and near midnight', async () => {
    const sequence = new InMemoryDossierSequence();
    const late = await issueDossierCode(sequence, 'CLASSIC', {
      unitCode: 'VPDK01',
      receivedAt: vietnamInstant('2026-03-06', '15:01'),
    });
    expect(late).toEqual({ code: 'VPDK01-260306-0001', date: '2026-03-06', sequence: 1 });
    // 23:30 local on 6 March is 16:30 UTC the same day; 00:30 local on 7 March is still 6 March in UTC.
    const afterMidnight = await issueDossierCode(sequence, 'CLASSIC', {
      unitCode: 'VPDK01',
      receivedAt: new Date('2026-03-06T17:30:00Z'),
    });
    expect(afterMidnight.code).toBe('VPDK01-260307-0001');
  });

  it('issues distinct codes to concurrent receipts', async () => {
    const sequence = new InMemoryDossierSequence();
    const receivedAt = vietnamInstant('2026-07-01', '09:00');
    const issued = await Promise.all(
      Array.from({ length: 50 }, () =>
        issueDossierCode(sequence, 'CENTRALIZED_2026', {
          unitCode: 'H01.123.45',
          receivedAt,
          fields: { series: 'TT' },
        }),
      ),
    );
    expect(new Set(issued.map((i) => i.code)).size).toBe(50);
  });

  it('does not use up a number for a unit code that cannot be formatted', async () => {
    const sequence = new InMemoryDossierSequence();
    await expect(
      issueDossierCode(sequence, 'CLASSIC', { unitCode: 'bad-unit', receivedAt: new Date() }),
    ).rejects.toThrow('DOSSIER_CODE.INVALID_PART');
    expect(await sequence.next('bad-unit', '2026-03-06')).toBe(1);
  });
});

import fc from 'fast-check';
import { aSale, aTransferor } from './__fixtures__/transfer.factory';
import { assessTransfer } from './assess';
import { serializeAssessment } from './serialize';

const TABLE_VALUE_PER_TENTH = 4_000_000n; // 40,000,000 VND/m² in the sample table.
const area = fc.integer({ min: 1, max: 2_000_000 }); // up to 200,000.0 m²
const price = fc.option(fc.bigInt({ min: 0n, max: 10n ** 14n }), { nil: undefined });
const owners = fc.integer({ min: 1, max: 5 });
const runs = { numRuns: 120 };

describe('assessment laws', () => {
  it('never taxes a sale on less than the table value or the contract price', () => {
    fc.assert(
      fc.property(area, price, (areaTenthsM2, contractPriceVnd) => {
        const sale = aSale({ parcel: { ...aSale().parcel, areaTenthsM2 }, contractPriceVnd });
        const [pit, fee] = assessTransfer(sale).lines;
        const table = BigInt(areaTenthsM2) * TABLE_VALUE_PER_TENTH;
        const floor = table > (contractPriceVnd ?? 0n) ? table : (contractPriceVnd ?? 0n);
        expect(pit.baseVnd).toBe(floor);
        expect(fee.baseVnd).toBe(floor);
        expect(pit.amountVnd).toBe((floor * 200n + 5_000n) / 10_000n);
      }),
      runs,
    );
  });

  it('charges more income tax for a higher contract price, never less', () => {
    fc.assert(
      fc.property(price, price, (a, b) => {
        const tax = (p: bigint | undefined) =>
          assessTransfer(aSale({ contractPriceVnd: p })).lines[0].amountVnd;
        const [low, high] = (a ?? 0n) <= (b ?? 0n) ? [a, b] : [b, a];
        expect(tax(low) <= tax(high)).toBe(true);
      }),
      runs,
    );
  });

  it('splits a tax among co-owners within one VND per co-owner of the undivided tax', () => {
    fc.assert(
      fc.property(area, owners, (areaTenthsM2, n) => {
        const transferors = Array.from({ length: n }, (_, i) => aTransferor({ id: `o${i}` }));
        const split = assessTransfer(
          aSale({
            parcel: { ...aSale().parcel, areaTenthsM2 },
            transferors,
            contractPriceVnd: null,
          }),
        );
        const whole = assessTransfer(
          aSale({ parcel: { ...aSale().parcel, areaTenthsM2 }, contractPriceVnd: null }),
        );
        const sum = split.lines
          .filter((l) => l.code === 'PIT')
          .reduce((s, l) => s + l.amountVnd, 0n);
        const diff = sum - whole.lines[0].amountVnd;
        expect(diff <= BigInt(n) && diff >= -BigInt(n)).toBe(true);
      }),
      runs,
    );
  });

  it('makes the instalments of every line add up to its amount and the lines to the total', () => {
    fc.assert(
      fc.property(area, price, (areaTenthsM2, contractPriceVnd) => {
        const result = assessTransfer(
          aSale({
            parcel: { ...aSale().parcel, areaTenthsM2 },
            contractPriceVnd,
            noticeIssuedOn: '2026-03-02',
          }),
        );
        for (const line of result.lines) {
          expect(line.dueDates.reduce((s, d) => s + d.amountVnd, 0n)).toBe(line.amountVnd);
        }
        expect(result.lines.reduce((s, l) => s + l.amountVnd, 0n)).toBe(result.totalVnd);
      }),
      runs,
    );
  });
});

describe('serializeAssessment', () => {
  it('writes amounts as decimal strings that survive JSON', () => {
    const serialized = serializeAssessment(
      assessTransfer(
        aSale({ contractPriceVnd: 12_345_678_901_234n, noticeIssuedOn: '2026-03-02' }),
      ),
    );
    const roundTrip = JSON.parse(JSON.stringify(serialized)) as typeof serialized;
    expect(roundTrip.lines[0].amountVnd).toBe('246913578025');
    expect(roundTrip.lines[0].dueDates[0].amountVnd).toBe('246913578025');
    expect(BigInt(roundTrip.totalVnd)).toBe(246_913_578_025n + 61_728_394_506n);
  });
});

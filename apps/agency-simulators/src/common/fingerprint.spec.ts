import { fingerprint } from './fingerprint';

describe('fingerprint', () => {
  it('ignores key order and undefined fields, so a re-serialised retry matches', () => {
    expect(fingerprint({ a: 1, b: { c: 'x', d: [1, 2] }, e: undefined })).toBe(
      fingerprint({ b: { d: [1, 2], c: 'x' }, a: 1 }),
    );
  });

  it('differs when any value or the order of a list differs', () => {
    const base = fingerprint({ amountVnd: 100, notices: ['A', 'B'] });
    expect(fingerprint({ amountVnd: 101, notices: ['A', 'B'] })).not.toBe(base);
    expect(fingerprint({ amountVnd: 100, notices: ['B', 'A'] })).not.toBe(base);
  });

  it('treats class instances like the plain objects they hold', () => {
    class Request {
      constructor(
        readonly id: string,
        readonly note?: string,
      ) {}
    }
    expect(fingerprint(new Request('x'))).toBe(fingerprint({ id: 'x' }));
  });
});

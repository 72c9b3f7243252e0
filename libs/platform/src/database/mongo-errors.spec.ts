import { isDuplicateKey } from './mongo-errors';

describe('isDuplicateKey', () => {
  it('recognises a repeated insert, alone or in a batch where every failure is one', () => {
    expect(isDuplicateKey({ code: 11000 })).toBe(true);
    expect(isDuplicateKey({ writeErrors: [{ code: 11000 }, { code: 11000 }] })).toBe(true);
    expect(isDuplicateKey({ writeErrors: { code: 11000 } })).toBe(true);
  });

  it('lets any other failure through, even mixed with repeats', () => {
    expect(isDuplicateKey({ writeErrors: [{ code: 11000 }, { code: 121 }] })).toBe(false);
    expect(isDuplicateKey({ writeErrors: [] })).toBe(false);
    expect(isDuplicateKey(new Error('connection reset'))).toBe(false);
    expect(isDuplicateKey(null)).toBe(false);
  });
});

import { noticeNumber, vietnamYear } from './notice-number';

describe('noticeNumber', () => {
  it('names the obligation, the year and a zero-padded sequence', () => {
    expect(noticeNumber('PIT', 2026, 12)).toBe('TB-TNCN-2026-0000012');
    expect(noticeNumber('REGISTRATION_FEE', 2026, 1)).toBe('TB-LPTB-2026-0000001');
    expect(noticeNumber('LAND_USE_LEVY', 2027, 1234567)).toBe('TB-TSDD-2027-1234567');
  });
});

describe('vietnamYear', () => {
  it('turns the year at midnight in Hà Nội, seven hours before UTC', () => {
    expect(vietnamYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(vietnamYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });
});

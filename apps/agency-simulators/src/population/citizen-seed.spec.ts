import { centuryGenderDigit, loadCitizenSeed } from './citizen-seed';

describe('the population seed file', () => {
  const citizens = loadCitizenSeed();

  it('validates against the contract and lists each citizen ID once', () => {
    const ids = citizens.map((c) => c.citizenId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has IDs whose century, gender and birth-year digits agree with the record', () => {
    for (const citizen of citizens) {
      expect({ id: citizen.citizenId, digit: Number(citizen.citizenId[3]) }).toEqual({
        id: citizen.citizenId,
        digit: centuryGenderDigit(citizen.birthDate, citizen.gender),
      });
      expect(citizen.citizenId.slice(4, 6)).toBe(citizen.birthDate.slice(2, 4));
    }
  });
});

describe('centuryGenderDigit', () => {
  it('follows the CCCD layout', () => {
    expect(centuryGenderDigit('1985-03-12', 'MALE')).toBe(0);
    expect(centuryGenderDigit('1990-07-25', 'FEMALE')).toBe(1);
    expect(centuryGenderDigit('2002-09-14', 'MALE')).toBe(2);
    expect(centuryGenderDigit('2004-12-01', 'FEMALE')).toBe(3);
  });
});

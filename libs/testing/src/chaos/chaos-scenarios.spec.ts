import { chaosCitizens, isHouseRegistration, sharesParcel } from './chaos-scenarios';

describe('chaos citizens', () => {
  it('has about 8 % of the full run register a house, each on a parcel nobody else uses', () => {
    const citizens = chaosCitizens(300);
    const houses = citizens.filter((c) => isHouseRegistration(c.scenario));
    expect(houses).toHaveLength(26); // 8.7 %
    const parcels = citizens.map((c) => c.scenario.parcel.join('/'));
    for (const h of houses) {
      expect(sharesParcel(h)).toBe(false);
      expect(parcels.filter((p) => p === h.scenario.parcel.join('/'))).toHaveLength(1);
    }
  });

  it('expects what the law says of each house: registered, refused as not confirmed, or waiting for a fee never paid', () => {
    const houses = chaosCitizens(40).filter((c) => isHouseRegistration(c.scenario));
    expect(houses.map((h) => [h.index, h.scenario.conforming, h.expected])).toEqual([
      [1, true, { status: 'RESULT_READY' }],
      [3, false, { status: 'REFUSED', refusalCode: 'CONSTRUCTION.NOT_CONFIRMED' }],
      [25, true, { status: 'RESULT_READY' }],
      [27, true, { status: 'WAITING_FOR_PAYMENT' }],
    ]);
  });

  it('keeps the transfers the run was built on: no other procedure is submitted as a sale', () => {
    const others = chaosCitizens(300).filter((c) => !isHouseRegistration(c.scenario));
    expect(others.every((c) => c.scenario.procedure === undefined)).toBe(true);
    expect(new Set(others.map((c) => c.scenario.name)).size).toBeGreaterThanOrEqual(8);
  });
});

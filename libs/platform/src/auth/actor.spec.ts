import { actorFromClaims, describeActor, unitCovers } from './actor';
import { Role } from './roles';

describe('the actor from a verified token', () => {
  it('takes roles the product knows, the unit and the name in Vietnamese order', () => {
    const actor = actorFromClaims({
      sub: 'a29ef488',
      preferred_username: 'motcua.badinh',
      given_name: 'Thu Hà',
      family_name: 'Lê',
      realm_access: { roles: ['counter-officer', 'offline_access', 'uma_authorization'] },
      unit: '01/CN-BADINH',
    });
    expect(actor).toEqual({
      subject: 'a29ef488',
      username: 'motcua.badinh',
      fullName: 'Lê Thu Hà',
      roles: ['counter-officer'],
      unit: '01/CN-BADINH',
    });
    expect(describeActor(actor, Role.CounterOfficer)).toBe(
      'Lê Thu Hà (Cán bộ Bộ phận Một cửa, 01/CN-BADINH)',
    );
  });

  it('ignores a malformed unit or citizen ID instead of trusting it', () => {
    const actor = actorFromClaims({
      sub: 'x',
      realm_access: { roles: ['citizen'] },
      unit: '01/../..',
      citizen_id: '12345',
    });
    expect(actor.unit).toBeUndefined();
    expect(actor.citizenId).toBeUndefined();
  });

  it('lets a province cover its branches, never a sibling or another province', () => {
    expect(unitCovers('01', '01')).toBe(true);
    expect(unitCovers('01', '01/CN-BADINH')).toBe(true);
    expect(unitCovers('01/CN-BADINH', '01/CN-BADINH')).toBe(true);
    expect(unitCovers('01/CN-BADINH', '01/CN-BAVI')).toBe(false);
    expect(unitCovers('01/CN-BADINH', '01')).toBe(false);
    expect(unitCovers('0', '01')).toBe(false);
    expect(unitCovers('91', '01/CN-BADINH')).toBe(false);
    expect(unitCovers(undefined, '01')).toBe(false);
  });
});

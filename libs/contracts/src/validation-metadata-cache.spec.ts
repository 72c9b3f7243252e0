import { IsInt, IsString, Min, validateSync, ValidateNested } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { createEnvelope } from './create-envelope';
import { Topics } from './catalog';
import { validateEvent } from './validate-event';

class Base {
  @IsString()
  name!: string;
}

describe('cached validation rules (validateEvent installs the cache)', () => {
  it('still finds every broken field on the second and later validations', () => {
    const event = createEnvelope(
      Topics.DossierRefused,
      'VPDK-HN-261121-0001',
      { dossierCode: 'VPDK-HN-261121-0001', reasonCode: 'PARCEL.BLOCKED', reasonVi: 'Bị chặn' },
      'land-registry',
      { correlationId: 'req-1' },
    );
    const broken = JSON.stringify({ ...event, payload: { ...event.payload, reasonCode: 'x' } });
    for (let i = 0; i < 3; i++) {
      expect(validateEvent(Topics.DossierRefused, JSON.stringify(event)).ok).toBe(true);
      expect(validateEvent(Topics.DossierRefused, broken)).toMatchObject({ ok: false });
    }
  });

  it('knows the rules of a class declared after the first validation, inherited ones included', () => {
    expect(validateSync(plainToInstance(Base, { name: 1 }))).toHaveLength(1);
    // Declared now: its own rules and its parent's, though Base's answer is already cached.
    class Later extends Base {
      @IsInt()
      @Min(1)
      count!: number;
    }
    class Holder {
      @ValidateNested()
      @Type(() => Later)
      later!: Later;
    }
    const errors = validateSync(plainToInstance(Holder, { later: { name: 2, count: 0 } }));
    const nested = errors[0]?.children?.map((e) => e.property).sort();
    expect(nested).toEqual(['count', 'name']);
    expect(validateSync(plainToInstance(Later, { name: 'a', count: 2 }))).toHaveLength(0);
  });
});

import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { registerDecorator } from 'class-validator';
import { describeValidator, validatorSchema } from './validator-schema';

class Parcel {
  @IsString()
  @Matches(/^\d{5}$/)
  communeCode!: string;

  @IsInt()
  @Min(1)
  @Max(99_999)
  mapSheetNumber!: number;
}

function IsCode(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTestCode',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: { validate: (v: unknown) => typeof v === 'string' },
    });
}
describeValidator('isTestCode', { type: 'string', pattern: '^[A-Z]{3}$' });

class Request {
  @IsIn(['A', 'B'])
  kind!: 'A' | 'B';

  @IsString()
  @Length(5, 300)
  address!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  note?: string;

  @ValidateIf((r: Request) => r.delay !== null)
  @IsInt()
  @Min(0)
  delay!: number | null;

  @IsObject()
  @ValidateNested()
  @Type(() => Parcel)
  parcel!: Parcel;

  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => Parcel)
  others!: Parcel[];

  @IsString({ each: true })
  @Matches(/^\d+$/, { each: true })
  numbers!: string[];

  @IsCode()
  code!: string;
}

describe('validatorSchema', () => {
  const nested: string[] = [];
  const schema = validatorSchema(Request, (name) => nested.push(name));
  const props = schema['properties'] as Record<string, Record<string, unknown>>;

  it('says what the validators enforce: enums, lengths, patterns, ranges', () => {
    expect(props['kind']).toEqual({ enum: ['A', 'B'] });
    expect(props['address']).toEqual({ type: 'string', minLength: 5, maxLength: 300 });
    expect(props['note']).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: 64,
      nullable: true,
    });
    expect(props['delay']).toEqual({ type: 'integer', minimum: 0, nullable: true });
    expect(props['code']).toEqual({ type: 'string', pattern: '^[A-Z]{3}$' });
    expect(props['numbers']).toEqual({
      type: 'array',
      items: { type: 'string', pattern: '^\\d+$' },
    });
  });

  it('requires every property not under @IsOptional or @ValidateIf', () => {
    expect(schema['required']).toEqual(['kind', 'address', 'parcel', 'others', 'numbers', 'code']);
  });

  it('references nested classes and describes them as components', () => {
    expect(props['parcel']).toEqual({ $ref: '#/components/schemas/Parcel' });
    expect(props['others']).toEqual({
      type: 'array',
      maxItems: 3,
      items: { $ref: '#/components/schemas/Parcel' },
    });
    expect(nested).toEqual(['Parcel', 'Parcel']);
    expect(validatorSchema(Parcel)).toEqual({
      type: 'object',
      properties: {
        communeCode: { type: 'string', pattern: '^\\d{5}$' },
        mapSheetNumber: { type: 'integer', minimum: 1, maximum: 99_999 },
      },
      required: ['communeCode', 'mapSheetNumber'],
    });
  });
});

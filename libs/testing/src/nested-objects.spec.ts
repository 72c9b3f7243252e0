import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import * as contracts from '@lien-thong/contracts';
import * as agencyContracts from '@lien-thong/agency-contracts';

interface Meta {
  propertyName: string;
  type: string;
  name?: string;
}

/**
 * Required properties validated as nested objects that nothing checks are objects:
 * @ValidateNested() skips a missing value, so a body or event without the object passed
 * validation and failed later (found by fuzzing: a hold pushed without its parcel answered
 * 500). Each needs @IsObject() (or @IsArray(), @IsDefined(), or @IsOptional() if it may lack).
 */
function unguardedNested(): string[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, Meta[]> };
  const found: string[] = [];
  for (const [target, metas] of storage.validationMetadatas) {
    const kinds = new Map<string, Set<string>>();
    for (const m of metas) {
      const set = kinds.get(m.propertyName) ?? new Set<string>();
      set.add(m.type === 'customValidation' ? (m.name ?? m.type) : m.type);
      kinds.set(m.propertyName, set);
    }
    for (const [property, set] of kinds) {
      const guarded = ['conditionalValidation', 'isObject', 'isArray', 'isDefined', 'arrayMinSize'];
      if (set.has('nestedValidation') && !guarded.some((g) => set.has(g)))
        found.push(`${(target as { name: string }).name}.${property}`);
    }
  }
  return found.sort();
}

/**
 * Still to guard, in the secured-transactions events of libs/contracts (outside this
 * change): remove each line once its @IsObject() is added.
 */
const KNOWN: string[] = [];

describe('nested objects in the contracts', () => {
  it('are all checked to be objects: a missing one is a 400 or an invalid event, never a 500', () => {
    expect(Object.keys(contracts).length + Object.keys(agencyContracts).length).toBeGreaterThan(0);
    expect(unguardedNested()).toEqual(KNOWN);
  });
});

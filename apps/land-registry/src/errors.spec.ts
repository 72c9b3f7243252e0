import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LAND_REGISTRY_ERRORS } from './errors';

/** Every .ts file of the service but the tests. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return name.endsWith('.ts') && !name.includes('spec') && name !== 'errors.ts' ? [path] : [];
  });
}

/** Codes as the service raises them: an exception's first argument, a `code:` field. */
const RAISED = /(?:Exception\(|super\(|code:|code =)\s*'([A-Z]+(?:_[A-Z]+)*\.[A-Z]+(?:_[A-Z]+)*)'/g;

describe('the land registry error catalogue', () => {
  it('names every code the service raises, with a Vietnamese meaning, and no code it never raises', () => {
    const raised = new Set(
      sources(__dirname).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(RAISED)].map((m) => m[1]),
      ),
    );
    // Answered by the platform's guards and pipes on the service's behalf.
    const platform = ['AUTH.FORBIDDEN', 'VALIDATION.FAILED'];
    expect([...raised, ...platform].sort()).toEqual(
      expect.arrayContaining(Object.keys(LAND_REGISTRY_ERRORS).sort()),
    );
    expect(Object.keys(LAND_REGISTRY_ERRORS).sort()).toEqual(
      expect.arrayContaining([...raised].sort()),
    );
    for (const message of Object.values(LAND_REGISTRY_ERRORS))
      expect(message).toMatch(
        /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i,
      );
  });
});

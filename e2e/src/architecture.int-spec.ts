import { join } from 'node:path';
import { ESLint } from 'eslint';

jest.setTimeout(120_000);

const root = join(__dirname, '../..');

/** Lints `code` as if it were the file at `path` (an existing file, so the type-aware rules can run). */
async function problems(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

/**
 * The architecture is enforced, not just described: these imports must fail the lint that
 * `npm test` runs (it computes Nx's project graph first, which the boundary rule needs).
 */
describe('module boundaries', () => {
  it('forbids an app from importing another app', async () => {
    const found = await problems(
      'apps/land-registry/src/main.ts',
      "import { TAX_OBLIGATION_SERVICE } from '../../tax-obligation/src/service';\nexport const x = TAX_OBLIGATION_SERVICE;\n",
    );
    expect(found.some((p) => p.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('forbids a domain library from importing infrastructure', async () => {
    const found = await problems(
      'libs/tax-rules/src/index.ts',
      "import mongoose from 'mongoose';\nexport const m = mongoose;\n",
    );
    expect(found.some((p) => p.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('forbids production code from importing the testing library', async () => {
    const found = await problems(
      'apps/notification/src/main.ts',
      "import { startStack } from '@lien-thong/testing';\nexport const s = startStack;\n",
    );
    expect(found.some((p) => p.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('forbids reading process.env outside the config classes', async () => {
    const found = await problems(
      'apps/land-registry/src/app.module.ts',
      'export const port = process.env.PORT;\n',
    );
    expect(found.some((p) => p.startsWith('no-restricted-syntax'))).toBe(true);
  });
});

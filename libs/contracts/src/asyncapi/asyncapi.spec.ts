import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument } from './asyncapi';
import { EVENT_CATALOG } from '../catalog';

const documentPath = join(__dirname, '../../../../docs/asyncapi.json');

describe('the AsyncAPI document in docs/', () => {
  it('is exactly what the contracts generate (run `npm run asyncapi` after changing a contract)', () => {
    const generated = JSON.stringify(buildAsyncApiDocument('1'), null, 2) + '\n';
    expect(readFileSync(documentPath, 'utf8')).toBe(generated);
  });

  it('documents every topic, with the payload fields of its contract', () => {
    const document = buildAsyncApiDocument('1') as {
      channels: Record<string, unknown>;
      components: {
        schemas: Record<string, { properties: Record<string, unknown>; required: string[] }>;
      };
    };
    expect(Object.keys(document.channels).sort()).toEqual(Object.keys(EVENT_CATALOG).sort());
    const slip = document.components.schemas['TransferSlipSentV1'];
    expect(slip.properties['declaredPriceVnd']).toEqual({ type: 'integer', minimum: 0 });
    expect(slip.required).toContain('sellers');
    expect(slip.required).not.toContain('declaredPriceVnd');
    expect(slip.properties['sellers']).toEqual({
      type: 'array',
      minItems: 1,
      items: { $ref: '#/components/schemas/SellerV1' },
    });
  });
});

import type { OpenAPIObject } from '@nestjs/swagger';
import { RunningService, startService } from '@lien-thong/testing';
import { LandRegistryConfig } from './config/land-registry.config';
import { LAND_REGISTRY_SERVICE } from './service';

type Json = Record<string, unknown>;

describe('the land registry OpenAPI document (/docs-json)', () => {
  let service: RunningService<LandRegistryConfig>;
  let doc: OpenAPIObject;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Json).map(([method, op]) => ({
        name: `${method.toUpperCase()} ${path}`,
        op: op as { parameters?: Json[]; responses: Record<string, Json> },
      })),
    );

  beforeAll(async () => {
    service = await startService(LAND_REGISTRY_SERVICE);
    doc = (await (await fetch(`${service.baseUrl}/docs-json`)).json()) as OpenAPIObject;
  });
  afterAll(() => service?.close());

  it('gives every operation a success answer with a schema, and every error the ErrorBody', () => {
    const problems: string[] = [];
    for (const { name, op } of operations()) {
      const success = Object.entries(op.responses).filter(([s]) => /^2\d\d$/.test(s));
      if (success.length === 0) problems.push(`${name}: no 2xx`);
      for (const [status, response] of success) {
        const content = response['content'] as Record<string, { schema?: unknown }> | undefined;
        if (status !== '204' && !Object.values(content ?? {}).some((c) => c.schema))
          problems.push(`${name} ${status}: no schema`);
      }
      for (const [status, response] of Object.entries(op.responses).filter(([s]) =>
        /^4\d\d$/.test(s),
      ))
        if (
          JSON.stringify(response['content']) !==
          JSON.stringify({
            'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } },
          })
        )
          problems.push(`${name} ${status}: not ErrorBody`);
    }
    expect(problems).toEqual([]);
  });

  it('declares the statuses the routes themselves answer', () => {
    const statuses = (name: string) =>
      Object.keys(operations().find((o) => o.name === name)?.op.responses ?? {});
    expect(statuses('POST /dossiers/transfers')).toEqual(
      expect.arrayContaining(['200', '201', '400', '401', '403', '413', '422']),
    );
    // The forms' validation answers what the intake would, and stores nothing (no 201).
    expect(statuses('POST /dossiers/transfers/validation')).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '409', '422']),
    );
    expect(statuses('POST /dossiers/{code}/refusal')).toEqual(
      expect.arrayContaining(['200', '401', '403', '404', '409']),
    );
    expect(statuses('GET /tracking/{code}')).toEqual(
      expect.arrayContaining(['200', '400', '404', '429']),
    );
    expect(statuses('GET /health')).toEqual(['200', '503']);
  });

  it('describes request bodies as the validators enforce them', () => {
    const schemas = doc.components?.schemas as Record<string, Json>;
    const person = schemas['PersonDto']['properties'] as Record<string, Json>;
    expect(person['citizenId']).toMatchObject({ type: 'string', pattern: '^\\d{12}$' });
    expect(person['fullName']).toMatchObject({ type: 'string', minLength: 2, maxLength: 100 });
    const parcel = schemas['ParcelRefDto'];
    expect(parcel['required']).toEqual(['communeCode', 'mapSheetNumber', 'parcelNumber']);
    expect((parcel['properties'] as Record<string, Json>)['mapSheetNumber']).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 99_999,
    });
    const code = operations()
      .find((o) => o.name === 'GET /dossiers/{code}')
      ?.op.parameters?.find((p) => p['name'] === 'code');
    expect(code?.['schema']).toMatchObject({ pattern: expect.any(String) });
  });
});

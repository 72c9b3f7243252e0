import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FeeLineV1, PROCEDURES, ProcedureKey } from '@lien-thong/contracts';
import { FeeLine, feesFor, PROCEDURE_KEYS } from '@lien-thong/procedures';
import { CatalogueService } from './catalogue.service';

const TODAY = '2026-12-06';

describe('the catalogue as the land registry serves it', () => {
  const service = new CatalogueService();

  it('covers exactly the procedures of the event contracts', () => {
    // Compile-time too: the two key types are the same union.
    const same: ProcedureKey extends (typeof PROCEDURE_KEYS)[number] ? true : false = true;
    expect(same).toBe(true);
    expect([...PROCEDURE_KEYS]).toEqual([...PROCEDURES]);
    expect(service.list(TODAY).map((p) => p.key)).toEqual([...PROCEDURES]);
  });

  it('gives fee lines that DossierReceived.fees accepts as they are', () => {
    const lines: FeeLineV1[] = feesFor({
      procedure: 'TRANSFER',
      provinceCode: '01',
      channel: 'ONLINE',
      on: TODAY,
    }) satisfies FeeLine[];
    for (const line of lines) expect(validateSync(plainToInstance(FeeLineV1, line))).toEqual([]);
  });

  it('answers an unknown or lapsed procedure with PROCEDURE.NOT_FOUND (404)', () => {
    expect(() => service.get('DIVORCE', undefined, TODAY)).toThrow(
      expect.objectContaining({ code: 'PROCEDURE.NOT_FOUND', httpStatus: 404 }),
    );
    expect(() => service.get('PURPOSE_CHANGE', undefined, '2026-01-05')).toThrow(
      expect.objectContaining({ code: 'PROCEDURE.NOT_FOUND' }),
    );
  });

  it('answers a province without a fee schedule with a 422', () => {
    expect(() => service.get('TRANSFER', '79', TODAY)).toThrow(
      expect.objectContaining({ code: 'PROCEDURE.PROVINCE_NOT_COVERED', httpStatus: 422 }),
    );
  });

  it('totals the fees at the counter and online', () => {
    const fees = service.get('TRANSFER', '01', TODAY).fees;
    expect(fees).toMatchObject({
      provinceNameVi: 'Thành phố Hà Nội',
      counterTotalVnd: 600_000,
      onlineTotalVnd: 575_000,
    });
  });
});

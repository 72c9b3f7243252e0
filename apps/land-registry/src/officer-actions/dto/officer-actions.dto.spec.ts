import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SupplementDto } from './officer-actions.dto';

const problems = (body: object) =>
  validateSync(plainToInstance(SupplementDto, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  })
    .map((e) => e.property)
    .sort();

describe('what a supplement may correct', () => {
  it('takes nothing, or any field of the counter form checked by the form’s own rules', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ declaredPriceVnd: 4_500_000_000, contractDate: '2026-11-10' })).toEqual([]);
    expect(
      problems({
        buyers: [{ fullName: 'Đỗ Thị Mai', citizenId: '001190000321', address: 'Số 3 phố Huế' }],
      }),
    ).toEqual([]);
  });

  it('refuses what the counter would refuse: a contract of 0001-01-01, a name of digits, an unknown field', () => {
    expect(problems({ contractDate: '0001-01-01' })).toEqual(['contractDate']);
    expect(
      problems({
        buyers: [{ fullName: '12345', citizenId: '001190000321', address: 'Số 3 phố Huế' }],
      }),
    ).toEqual(['buyers']);
    expect(problems({ officer: 'Nguyễn Văn A' })).toEqual(['officer']);
  });
});

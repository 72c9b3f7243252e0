import { PATH_METADATA } from '@nestjs/common/constants';
import { processingTime } from '@lien-thong/calendar';
import { catalogueOn } from '@lien-thong/procedures';
import { IntakeController } from '../intake/intake.controller';
import { PROCEDURE_STEPS } from './index';

/**
 * The published catalogue and what the one-stop runs are the same list: no procedure offered
 * to citizens that the services cannot carry, none carried that the catalogue does not
 * publish; and each crosses exactly the agencies the catalogue says it does.
 */
describe('the procedure catalogue against the procedures the land registry implements', () => {
  const today = '2026-12-06';
  const published = catalogueOn(today);
  const routes = Object.getOwnPropertyNames(IntakeController.prototype)
    .map((name) => {
      const handler = (IntakeController.prototype as unknown as Record<string, unknown>)[name];
      return typeof handler === 'function'
        ? (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined)
        : undefined;
    })
    .filter((path): path is string => typeof path === 'string');

  it('publishes exactly the procedures whose steps the saga knows', () => {
    expect(published.map((p) => p.key).sort()).toEqual(Object.keys(PROCEDURE_STEPS).sort());
  });

  it('has one intake route per published procedure', () => {
    expect(routes.filter((r) => r.startsWith('dossiers/'))).toHaveLength(published.length);
  });

  it.each(published.map((p) => [p.key, p] as const))(
    '%s crosses the agencies the catalogue lists',
    (key, entry) => {
      const steps = PROCEDURE_STEPS[key];
      const agencies = new Set(entry.agencies.map((a) => a.agency));
      // Every procedure asks the Justice registry about the parcel.
      expect(agencies.has('secured-transactions')).toBe(true);
      expect(agencies.has('tax-obligation')).toBe(steps.slip !== undefined);
      expect(agencies.has('construction')).toBe(steps.afterReceiptCheck === 'CONSTRUCTION_OPINION');
    },
  );

  it.each(published.map((p) => [p.key, p] as const))(
    '%s gives each agency the deadline the saga holds it to',
    (key, entry) => {
      const rules: Record<string, string | undefined> = {
        'secured-transactions': 'JUSTICE.PARCEL_CHECK',
        'tax-obligation': PROCEDURE_STEPS[key].taxRule,
        construction: 'CONSTRUCTION.WORK_CONFIRMATION',
      };
      for (const step of entry.agencies) {
        expect(step.step).toBe(rules[step.agency]);
        expect(step.workingDays).toBe(
          processingTime(step.step, today, { remote: false }).workingDays,
        );
      }
    },
  );
});

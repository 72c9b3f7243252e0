import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useHolidayFiles } from '@lien-thong/calendar';
import { ConfigException } from './load-config';

const HOLIDAY_FILE = /^vn-holidays-\d{4}\.json$/;

/**
 * Counts working days with the holiday files of HOLIDAY_DATA_DIR instead of the bundled ones
 * (a year's schedule announced after the release). A file that is not valid stops the boot.
 */
export function useHolidayDataDir(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => HOLIDAY_FILE.test(name));
  } catch (err) {
    throw new ConfigException(`HOLIDAY_DATA_DIR ${dir} cannot be read: ${String(err)}`);
  }
  try {
    useHolidayFiles(names.map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8'))));
  } catch (err) {
    throw new ConfigException(`HOLIDAY_DATA_DIR ${dir}: ${String(err)}`);
  }
}

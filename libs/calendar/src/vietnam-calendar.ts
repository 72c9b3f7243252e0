import holidays2025 from './data/vn-holidays-2025.json';
import holidays2026 from './data/vn-holidays-2026.json';
import holidays2027 from './data/vn-holidays-2027.json';
import processingTimesJson from './data/processing-times.json';
import { parseHolidayYear } from './holiday-data';
import { LocalDate } from './local-date';
import {
  parseProcessingTimes,
  ProcessingTime,
  processingTimeFrom,
  ProcessingTimesData,
} from './processing-times';
import { UncoveredYears, WorkingCalendar } from './working-calendar';

/**
 * The bundled holiday files. Adding a year means adding `data/vn-holidays-YYYY.json`, listing
 * it here and adding its tests; no logic changes.
 */
const HOLIDAY_FILES: readonly unknown[] = [holidays2025, holidays2026, holidays2027];

let calendar: WorkingCalendar | undefined;
let processingTimes: ProcessingTimesData | undefined;

/** Bundled office hours and processing-time versions, validated once. */
export function bundledProcessingTimes(): ProcessingTimesData {
  return (processingTimes ??= parseProcessingTimes(processingTimesJson));
}

/**
 * Builds a calendar from raw holiday files (validated here). Tests and replacement data use
 * this; services use {@link vietnamCalendar}.
 */
export function createWorkingCalendar(
  holidayFiles: readonly unknown[],
  data: ProcessingTimesData = bundledProcessingTimes(),
  uncoveredYears: UncoveredYears = 'throw',
): WorkingCalendar {
  return new WorkingCalendar(holidayFiles.map(parseHolidayYear), data.officeHours, uncoveredYears);
}

/**
 * Replaces the holiday data the services count with (`vietnamCalendar()` answers the new
 * calendar from then on): the files of an operator's holiday directory (HOLIDAY_DATA_DIR),
 * for a year whose schedule was announced after the release. Each file is validated; a year
 * they do not cover is counted with weekends only, like past the bundled data.
 */
export function useHolidayFiles(holidayFiles: readonly unknown[]): WorkingCalendar {
  calendar = createWorkingCalendar(holidayFiles, undefined, 'weekends-only');
  return calendar;
}

/**
 * The working-day calendar of Vietnamese state offices from the bundled data (cached). A
 * year past the data is counted with weekends only, so that intake never stops for it, and
 * listed in `assumedYears` for the services to raise an operator alert.
 */
export function vietnamCalendar(): WorkingCalendar {
  return (calendar ??= createWorkingCalendar(HOLIDAY_FILES, undefined, 'weekends-only'));
}

/**
 * Processing time of a procedure (e.g. `1.013831`: 5 working days, +10 in remote communes)
 * for a dossier received on `receivedOn`, from the bundled data.
 */
export function processingTime(
  procedureCode: string,
  receivedOn: LocalDate,
  opts: { remote: boolean },
): ProcessingTime {
  return processingTimeFrom(
    bundledProcessingTimes().procedureVersions,
    procedureCode,
    receivedOn,
    opts,
  );
}

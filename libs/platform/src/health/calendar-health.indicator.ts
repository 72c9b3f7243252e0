import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { vietnamCalendar, vietnamDateOf, WorkingCalendar } from '@lien-thong/calendar';
import { DependencyHealth, HealthIndicator } from './health-indicator';

/**
 * The holiday data the working-day calendar runs on. A year without data is counted with
 * weekends only so that no intake ever fails for it, but its deadlines may fall on a
 * holiday: /health shows an alert for the operator (status stays up) and the log says it once
 * per year, as soon as such a date is used; the next year's missing data is announced from
 * October on, before it matters.
 */
@Injectable()
export class CalendarHealthIndicator implements HealthIndicator, OnModuleDestroy {
  readonly name = 'calendar';
  private readonly logger = new Logger('calendar');
  private readonly logged = new Set<number>();
  private readonly watch: NodeJS.Timeout;

  constructor(
    private readonly calendar: WorkingCalendar = vietnamCalendar(),
    private readonly now: () => Date = () => new Date(),
  ) {
    this.watch = setInterval(() => this.logNewAssumptions(), 30_000);
    this.watch.unref();
  }

  check(): Promise<DependencyHealth> {
    this.logNewAssumptions();
    const today = vietnamDateOf(this.now());
    const year = Number(today.slice(0, 4));
    const missing = [...this.calendar.assumedYears];
    const soon = Number(today.slice(5, 7)) >= 10 ? year + 1 : year;
    for (const y of [year, soon])
      if (!this.calendar.coveredYears.includes(y) && !missing.includes(y)) missing.push(y);
    return Promise.resolve({
      status: 'up',
      coveredYears: this.calendar.coveredYears,
      ...(missing.length > 0
        ? {
            assumedYears: missing.sort(),
            alertVi: `Thiếu dữ liệu ngày nghỉ lễ năm ${missing.join(', ')}: hạn xử lý đang tạm tính chỉ trừ thứ Bảy, Chủ nhật. Cần bổ sung tệp ngày nghỉ (thư mục HOLIDAY_DATA_DIR, hoặc libs/calendar/src/data khi phát hành).`,
          }
        : {}),
    });
  }

  onModuleDestroy(): void {
    clearInterval(this.watch);
  }

  private logNewAssumptions(): void {
    for (const year of this.calendar.assumedYears) {
      if (this.logged.has(year)) continue;
      this.logged.add(year);
      this.logger.warn(
        `no holiday data for ${year}: its working days are counted with weekends only until vn-holidays-${year}.json is added (HOLIDAY_DATA_DIR, or libs/calendar/src/data in a release)`,
      );
    }
  }
}

import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { MaintenanceRepository, MaintenanceState } from './maintenance.repository';

/** Told to citizens when the operator gives no notice of their own. */
export const DEFAULT_MAINTENANCE_NOTICE_VI =
  'Hệ thống đang bảo trì nên tạm ngừng tiếp nhận hồ sơ mới. Hồ sơ đã nộp vẫn được xử lý bình thường. Xin vui lòng nộp lại sau.';

/** How long a replica trusts what it last read before asking the database again. */
const FRESH_MS = 1000;

const OFF: MaintenanceState = {
  on: false,
  noticeVi: DEFAULT_MAINTENANCE_NOTICE_VI,
  since: new Date(0),
};

/**
 * The service's maintenance mode: while on, routes marked @RefusedDuringMaintenance() answer
 * 503 SERVICE.MAINTENANCE with the notice; everything else (events, officer actions,
 * reads) goes on. Read from the database at most once a second, so a switch reaches every
 * replica within that; if the database cannot be read, the last state read holds.
 */
@Injectable()
export class MaintenanceMode {
  private readonly logger = new Logger('maintenance');
  private cached: MaintenanceState = OFF;
  private readAt = 0;
  private reading?: Promise<MaintenanceState>;

  constructor(private readonly repository: MaintenanceRepository) {}

  async current(): Promise<MaintenanceState> {
    if (Date.now() - this.readAt < FRESH_MS) return this.cached;
    this.reading ??= this.repository
      .read()
      .then((state) => {
        this.cached = state ?? OFF;
        this.readAt = Date.now();
        return this.cached;
      })
      .catch((err: unknown) => {
        this.logger.warn(`could not read the maintenance mode, keeping the last: ${String(err)}`);
        return this.cached;
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }

  async switch(on: boolean, noticeVi: string | undefined, actor: Actor): Promise<MaintenanceState> {
    const state: MaintenanceState = {
      on,
      noticeVi: noticeVi?.trim() || DEFAULT_MAINTENANCE_NOTICE_VI,
      since: new Date(),
      by: { subject: actor.subject, username: actor.username },
    };
    await this.repository.write(state);
    this.cached = state;
    this.readAt = Date.now();
    this.logger.warn(`maintenance mode ${on ? 'on: new submissions are refused' : 'off'}`);
    return state;
  }
}

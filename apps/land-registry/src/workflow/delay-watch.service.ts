import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { Topics } from '@lien-thong/contracts';
import { PeriodicTask, SERVICE_CONFIG } from '@lien-thong/platform';
import { LandRegistryConfig } from '../config/land-registry.config';
import { SagaWriter } from './saga-writer';
import { emission, HOLDER_VI } from './transition';
import { isLateSoon, postponed } from '../dossiers/deadlines';
import { DossiersRepository } from '../dossiers/dossiers.repository';

/** How many working days the apology letter adds to the appointment. */
const EXTRA_WORKING_DAYS = 5;

/**
 * A dossier that will be late gets an apology letter (form 04) with a new date at least one
 * working day before its deadline; the date may be reset only once (domain.md, Time).
 */
@Injectable()
export class DelayWatchService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('delays');
  private readonly task: PeriodicTask;

  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly saga: SagaWriter,
    @Inject(SERVICE_CONFIG) config: LandRegistryConfig,
  ) {
    this.task = new PeriodicTask(
      'delay sweep',
      config.DELAY_WATCH_MS,
      () => this.sweep(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** Before the database closes, not after. */
  beforeApplicationShutdown(): void {
    this.task.stop();
  }

  /** Sends the apology for every running dossier whose deadline is within a working day. */
  async sweep(now = new Date()): Promise<number> {
    let sent = 0;
    // The steps where the land office's clock runs (tax and the citizen's payment stop it).
    for (const candidate of await this.dossiers.inStatus(
      ['CHECKING_PARCEL', 'RECHECKING_HOLDS', 'IN_REVIEW', 'AWAITING_APPROVAL'],
      10_000,
    )) {
      if (!candidate.dueAt || candidate.delay || !isLateSoon(candidate.dueAt, now)) continue;
      await this.saga.run(candidate._id, (d) => {
        if (d.delay || !d.dueAt || !isLateSoon(d.dueAt, now)) return null;
        const newAppointmentAt = postponed(d.dueAt, EXTRA_WORKING_DAYS);
        const reasonVi =
          'Hồ sơ cần thêm thời gian để hoàn tất việc kiểm tra thông tin với các cơ quan liên quan';
        return {
          set: { delay: { previousAppointmentAt: d.dueAt, newAppointmentAt } },
          timeline: [
            {
              at: now,
              step: 'DELAYED',
              actor: 'land-registry',
              noteVi: `Gửi thư xin lỗi và hẹn lại ngày trả kết quả (${newAppointmentAt.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })})`,
            },
          ],
          emit: [
            emission(Topics.DossierDelayed, {
              dossierCode: d._id,
              previousAppointmentAt: d.dueAt.toISOString(),
              newAppointmentAt: newAppointmentAt.toISOString(),
              reasonVi,
            }),
          ],
        };
      });
      sent++;
    }
    await this.flagLateAgencies(now);
    return sent;
  }

  /**
   * A dossier whose agency let its inter-agency deadline pass says so, once: on the dossier
   * (its handoff), in its timeline, and in the backlog's count of late agencies.
   */
  async flagLateAgencies(now = new Date()): Promise<number> {
    let flagged = 0;
    for (const candidate of await this.dossiers.overdueHandoffs(now)) {
      await this.saga.run(candidate._id, (d) => {
        const h = d.handoff;
        if (!h?.dueAt || h.lateFlaggedAt || new Date(h.dueAt) > now) return null;
        const due = new Date(h.dueAt).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
        return {
          set: { handoff: { ...h, lateFlaggedAt: now } },
          timeline: [
            {
              at: now,
              step: 'AGENCY_LATE',
              actor: h.agency,
              noteVi: `${HOLDER_VI[h.agency]} chưa trả lời, đã quá hạn phối hợp (${due})`,
            },
          ],
          emit: [],
        };
      });
      flagged++;
    }
    return flagged;
  }
}

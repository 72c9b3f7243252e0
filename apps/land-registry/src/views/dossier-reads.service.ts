import { timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@lien-thong/platform';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { DossierNotificationsRepository } from '../dossiers/dossier-notifications.repository';
import { DossierNotFoundException } from '../dossiers/dossiers.exceptions';
import { hashTrackingSecret } from '../dossiers/tracking-secret';
import { Dossier } from '../dossiers/dossier';
import { NotificationRecord } from '../dossiers/schemas/dossier-notification.schema';
import { NotificationServiceClient } from '../notifications/notification-service.client';

/** The messages sent to a dossier's citizen; `incomplete` when only the failures are known. */
export interface DossierMessages {
  notifications: NotificationRecord[];
  incomplete: boolean;
}

/** What officers and citizens read: a dossier, its messages, tracking, the unit's backlog. */
@Injectable()
export class DossierReadsService {
  private readonly logger = new Logger('dossier reads');

  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly failures: DossierNotificationsRepository,
    private readonly notificationService: NotificationServiceClient,
  ) {}

  async get(code: string): Promise<Dossier> {
    const dossier = await this.dossiers.find(code);
    if (!dossier) throw new DossierNotFoundException();
    return dossier;
  }

  /**
   * The delivery statuses of the messages sent about the dossier, oldest first, from the
   * notification service (a message that went through is announced by no event). When it
   * cannot be asked, the view still answers: with the failures recorded here from the
   * NotificationStatusChanged events (those an officer must act on), marked incomplete.
   */
  async messagesOf(code: string): Promise<DossierMessages> {
    const answer = await this.notificationService.messagesOf(code);
    if (answer.kind === 'listed') return { notifications: answer.notifications, incomplete: false };
    this.logger.warn(`messages of ${code} listed from recorded failures only: ${answer.why}`);
    return { notifications: await this.failures.listFor(code), incomplete: true };
  }

  /**
   * Tracking without login needs the code and the secret from the receipt; a wrong secret
   * is answered exactly like an unknown code (and costs the same hash).
   */
  async track(code: string, secret: string): Promise<Dossier> {
    const dossier = await this.dossiers.find(code);
    const given = Buffer.from(hashTrackingSecret(secret), 'hex');
    const stored = Buffer.from(dossier?.trackingSecretHash ?? hashTrackingSecret(''), 'hex');
    if (!dossier || given.length !== stored.length || !timingSafeEqual(given, stored))
      throw new DossierNotFoundException();
    return dossier;
  }

  /** Officers' backlog of their unit: dossiers per step, per holder and per agency they wait for. */
  async backlog(actor: Actor) {
    const unit = actor.unit ?? '-';
    const [byStatus, byHolder, byProcedure, byAgency, late] = await Promise.all([
      this.dossiers.countBy('status', unit),
      this.dossiers.countBy('heldBy', unit),
      this.dossiers.countBy('procedure', unit),
      // Counted by the database: reading every running dossier made each look heavy.
      this.dossiers.countWaitingByAgency(unit),
      this.dossiers.lateByAgency(unit, new Date()),
    ]);
    return {
      byStatus: Object.fromEntries(byStatus.map((r) => [r._id, r.count])),
      byHolder: Object.fromEntries(byHolder.map((r) => [r._id, r.count])),
      // Dossiers stored before there were several procedures have none: transfers.
      byProcedure: byProcedure.reduce<Record<string, number>>((counts, r) => {
        const key = r._id ?? 'TRANSFER';
        counts[key] = (counts[key] ?? 0) + r.count;
        return counts;
      }, {}),
      waitingForAgency: Object.fromEntries(byAgency.map((r) => [r._id, r.count])),
      agencyPastDeadline: late.overdueNow,
      agencyAnsweredLate: late.answeredLate,
    };
  }
}

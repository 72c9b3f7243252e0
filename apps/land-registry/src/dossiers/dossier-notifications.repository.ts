import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';
import { DossierNotification, NotificationRecord } from './schemas/dossier-notification.schema';

/**
 * The messages to a dossier's citizen that were refused for good (FAILED), oldest first: what
 * the officer's view lists while the notification service cannot be asked.
 */
@Injectable()
export class DossierNotificationsRepository {
  constructor(
    @InjectModel(DossierNotification.name)
    private readonly notifications: Model<DossierNotification>,
  ) {}

  /** Records one status once per event (its id is the record's _id). */
  async record(eventId: string, dossierCode: string, n: NotificationRecord): Promise<void> {
    try {
      await this.notifications.create({ _id: eventId, dossierCode, ...n });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  listFor(dossierCode: string): Promise<NotificationRecord[]> {
    return this.notifications
      .find({ dossierCode }, { _id: 0, dossierCode: 0 })
      .sort({ at: 1, _id: 1 })
      .lean<NotificationRecord[]>()
      .exec();
  }
}

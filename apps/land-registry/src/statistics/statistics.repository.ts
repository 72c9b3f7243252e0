import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Dossier, DossierRecord } from '../dossiers/schemas/dossier.schema';
import { Period, StatsDossier } from './statistics';

const FIELDS = {
  _id: 1,
  procedure: 1,
  status: 1,
  channel: 1,
  receivedAt: 1,
  appointmentAt: 1,
  dueAt: 1,
  delay: 1,
  registeredAt: 1,
  finishedAt: 1,
  timeline: 1,
} as const;

/** The dossiers a period's statistics count, with only the fields they need. */
@Injectable()
export class StatisticsRepository {
  constructor(@InjectModel(DossierRecord.name) private readonly dossiers: Model<Dossier>) {}

  /**
   * Dossiers of the unit (and its branches) received before the period ended and not finished
   * before it began; counted where they are handled (`unit`), so a province's figures are the
   * sum of its branches' (a dossier received at another unit is not counted twice).
   */
  ofPeriod(unit: string, p: Period): Promise<StatsDossier[]> {
    return this.dossiers
      .find(
        {
          $and: [
            { $or: [{ unit }, { unit: { $gt: `${unit}/`, $lt: `${unit}0` } }] },
            { receivedAt: { $lt: p.end } },
            { $or: [{ finishedAt: null }, { finishedAt: { $gte: p.start } }] },
          ],
        },
        FIELDS,
      )
      .lean<StatsDossier[]>();
  }
}

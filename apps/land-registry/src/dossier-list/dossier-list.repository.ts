import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Dossier, DossierRecord } from '../dossiers/schemas/dossier.schema';
import { ROW_FIELDS, RowDossier } from './dossier-row';

/** Reads the officers' list: only the fields a line shows, newest first. */
@Injectable()
export class DossierListRepository {
  constructor(@InjectModel(DossierRecord.name) private readonly dossiers: Model<Dossier>) {}

  page(filter: Record<string, unknown>, limit: number): Promise<RowDossier[]> {
    return this.dossiers
      .find(filter, ROW_FIELDS)
      .sort({ receivedAt: -1, _id: -1 })
      .limit(limit)
      .lean<RowDossier[]>();
  }
}

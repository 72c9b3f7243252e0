import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Dossier, DossierRecord } from '../dossiers/schemas/dossier.schema';

/** What a citizen's list never loads: the outbox, the handled events, the secret's hash. */
const LEFT_OUT = { outbox: 0, handledEvents: 0, trackingSecretHash: 0, holdNotices: 0 } as const;

/** Reads the dossiers a citizen is a party of, newest first. */
@Injectable()
export class CitizenDossiersRepository {
  constructor(@InjectModel(DossierRecord.name) private readonly dossiers: Model<Dossier>) {}

  page(filter: Record<string, unknown>, limit: number): Promise<Dossier[]> {
    return this.dossiers
      .find(filter, LEFT_OUT)
      .sort({ receivedAt: -1, _id: -1 })
      .limit(limit)
      .lean<Dossier[]>();
  }
}

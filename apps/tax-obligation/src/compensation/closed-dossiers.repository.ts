import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';
import { ClosedDossier } from './schemas/closed-dossier.schema';

@Injectable()
export class ClosedDossiersRepository {
  constructor(@InjectModel(ClosedDossier.name) private readonly closed: Model<ClosedDossier>) {}

  /** Records the closure once; a repeat (redelivery, refusal after withdrawal) keeps the first. */
  async record(closure: ClosedDossier): Promise<void> {
    try {
      await this.closed.create(closure);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  find(dossierCode: string): Promise<ClosedDossier | null> {
    return this.closed.findById(dossierCode).lean<ClosedDossier>().exec();
  }
}

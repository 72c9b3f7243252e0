import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';

/** The one maintenance document of a service (collection `maintenance`, _id "mode"). */
export interface MaintenanceState {
  on: boolean;
  /** What citizens are told while it is on (Vietnamese). */
  noticeVi: string;
  /** When it was last switched. */
  since: Date;
  /** The operator who switched it (subject id and user name). */
  by?: { subject: string; username: string };
}

interface MaintenanceDocument extends MaintenanceState {
  _id: 'mode';
}

/** Kept in the service's own database, so that every replica of the service agrees. */
@Injectable()
export class MaintenanceRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get documents() {
    return this.connection.collection<MaintenanceDocument>('maintenance');
  }

  async read(): Promise<MaintenanceState | null> {
    const found = await this.documents.findOne({ _id: 'mode' });
    if (!found) return null;
    const { _id, ...state } = found;
    return state;
  }

  async write(state: MaintenanceState): Promise<void> {
    await this.documents.replaceOne({ _id: 'mode' }, state, { upsert: true });
  }
}

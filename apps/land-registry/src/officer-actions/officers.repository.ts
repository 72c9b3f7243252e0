import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import type { Role } from '@lien-thong/platform';
import type { OfficerRef } from '../dossiers/dossier';

interface KnownOfficer extends OfficerRef {
  _id: string;
  unit: string | null;
  roles: Role[];
  lastSeenAt: Date;
}

/**
 * How long a stored officer is taken as current: within it, an officer's next step with the
 * same name, unit and roles writes nothing. Every review step used to rewrite the officer
 * (three writes per dossier, found by counting the benchmark's writes per collection);
 * lastSeenAt is now exact to this much, which is all a leader's assignment list needs.
 */
export const OFFICER_REFRESH_MS = 10 * 60_000;

/**
 * The land office's officers as the land registry has seen them (from their tokens): a
 * leader assigns a dossier to one of them by username, and the assignment is checked against
 * the officer's role and unit. The identity provider stays the authority; this is a cache.
 */
@Injectable()
export class OfficersRepository {
  /** What this process last stored of each officer, and when. */
  private readonly stored = new Map<string, { fingerprint: string; at: number }>();

  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get officers() {
    return this.connection.collection<KnownOfficer>('officers');
  }

  async seen(officer: OfficerRef, unit: string | null, roles: Role[], at: Date): Promise<void> {
    const fingerprint = JSON.stringify([officer.describedAs, unit, [...roles].sort()]);
    const last = this.stored.get(officer.username);
    if (last?.fingerprint === fingerprint && at.getTime() - last.at < OFFICER_REFRESH_MS) return;
    const write = () =>
      this.officers.updateOne(
        { _id: officer.username },
        { $set: { ...officer, unit, roles, lastSeenAt: at } },
        { upsert: true },
      );
    try {
      await write();
    } catch (err) {
      // Two requests of one officer at once both tried to insert (found by the demo): the
      // other one's insert won, so this is now a plain update.
      if ((err as { code?: number }).code !== 11000) throw err;
      await write();
    }
    this.stored.set(officer.username, { fingerprint, at: at.getTime() });
  }

  find(username: string): Promise<KnownOfficer | null> {
    return this.officers.findOne({ _id: username });
  }
}

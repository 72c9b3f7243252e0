import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import type { Agency, BreakerState } from '@lien-thong/contracts';
import { PeriodicTask } from '@lien-thong/platform';
import { withDocumentLock } from '@lien-thong/messaging';
import { DossierStatus } from '../dossiers/dossier';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { agencyBack, agencyDown } from './agency-availability';
import { SagaWriter } from './saga-writer';

/** Which steps wait on which external agency (for "waiting for …" in the timeline). */
export const STEPS_NEEDING: Partial<Record<Agency, readonly DossierStatus[]>> = {
  'justice-registry': ['CHECKING_PARCEL', 'RECHECKING_HOLDS'],
  'e-tax': ['WAITING_FOR_TAX'],
  'payment-gateway': ['WAITING_FOR_TAX'],
  construction: ['WAITING_FOR_CONSTRUCTION'],
};

/** How often dossiers that reached a step of an agency already down are marked. */
const SWEEP_MS = 5_000;

interface AgencyState {
  _id: Agency;
  state: BreakerState;
  since: Date;
}

/**
 * While an agency's system is down, the dossiers that need it say so, in their state and in
 * their timeline (which agency, since when); once it is back they say so again. The state is
 * kept in the database (collection `agency_states`), so that a dossier reaching such a step
 * after the breaker opened is marked by the sweep too (found by the chaos run: only the
 * dossiers already waiting when the construction department went down were marked), and so
 * that every instance of the service knows it.
 */
@Injectable()
export class AgencyOutagesService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('agencies');
  private readonly task = new PeriodicTask(
    'agency outage sweep',
    SWEEP_MS,
    () => this.markLateComers(),
    this.logger,
  );

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly dossiers: DossiersRepository,
    private readonly saga: SagaWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): void {
    this.task.stop();
  }

  private states() {
    return this.connection.collection<AgencyState>('agency_states');
  }

  /** A breaker opened or closed somewhere: remember it, and mark or unmark the dossiers. */
  async changed(agency: Agency, state: BreakerState, at: Date, eventId: string): Promise<void> {
    const steps = STEPS_NEEDING[agency];
    if (!steps || state === 'HALF_OPEN') return;
    // Only a newer report replaces an older one (events of several services may interleave),
    // under the lock: on FerretDB the condition alone does not hold across instances.
    await withDocumentLock(this.connection, `agency_states:${agency}`, () =>
      this.states().updateOne(
        { _id: agency, $or: [{ since: { $lt: at } }, { since: { $exists: false } }] },
        { $set: { state, since: at } },
        { upsert: true },
      ),
    ).catch((err: unknown) => {
      // An older report than the one kept: the duplicate-key upsert is harmless.
      if (!String(err).includes('E11000')) throw err;
    });
    const concerned =
      state === 'OPEN'
        ? await this.dossiers.notWaitingIn(steps)
        : await this.dossiers.waitingFor(agency);
    for (const { _id } of concerned) await this.mark(_id, agency, state, at, steps, eventId);
  }

  /** Dossiers that reached a step of an agency that is down after its breaker opened. */
  async markLateComers(): Promise<number> {
    let marked = 0;
    for (const { _id: agency } of await this.states().find({ state: 'OPEN' }).toArray()) {
      const steps = STEPS_NEEDING[agency] ?? [];
      for (const { _id } of await this.dossiers.notWaitingIn(steps)) {
        // No event id: the decision itself is idempotent (a dossier already marked is left).
        await this.mark(_id, agency, 'OPEN', new Date(), steps);
        marked++;
      }
    }
    return marked;
  }

  private mark(
    code: string,
    agency: Agency,
    state: BreakerState,
    at: Date,
    steps: readonly DossierStatus[],
    eventId?: string,
  ): Promise<unknown> {
    return this.saga.run(
      code,
      (d) =>
        state === 'OPEN'
          ? steps.includes(d.status) && !d.waitingFor
            ? agencyDown(agency, at)
            : null
          : d.waitingFor?.agency === agency
            ? agencyBack(agency, at)
            : null,
      eventId,
    );
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { Dossier } from '../dossiers/dossier';
import { ParcelsService } from '../reference-data/parcels.service';
import { SagaWriter } from './saga-writer';

const SWEEP_MS = 30_000;

/**
 * The cadastral book follows a registered dossier: the dossier is registered first (one
 * write, so that nothing racing it can leave the book changed for a closed dossier), then the
 * book is written, once per dossier; a registration whose book update was interrupted (a
 * crash, the database away) is finished by the sweep.
 */
@Injectable()
export class CadastralRegistrationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('cadastre');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly parcels: ParcelsService,
    private readonly saga: SagaWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.timer ??= setInterval(() => void this.completeRegistrations(), SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Writes the book for a registered dossier still marked `cadastralPending`. */
  async write(d: Dossier): Promise<void> {
    if (!d.cadastralPending || !d.certificateOutcome || !d.registeredAt) return;
    await this.parcels.registerTransfer(d.parcel.ref, {
      dossierCode: d._id,
      sellers: d.sellers,
      buyers: d.buyers,
      outcome: d.certificateOutcome,
      at: d.registeredAt,
    });
    await this.saga.run(d._id, (now) =>
      now.cadastralPending ? { set: { cadastralPending: false }, timeline: [], emit: [] } : null,
    );
  }

  async completeRegistrations(): Promise<number> {
    let done = 0;
    for (const d of await this.dossiers.cadastralPending().catch(() => [])) {
      try {
        await this.write(d);
        done++;
      } catch (err) {
        this.logger.warn(`cadastral update of ${d._id} failed, retried later: ${String(err)}`);
      }
    }
    return done;
  }
}

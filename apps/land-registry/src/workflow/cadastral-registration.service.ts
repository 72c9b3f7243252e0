import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { CertificateOutcome, Dossier, procedureOf } from '../dossiers/dossier';
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
    await this.book(d, d.certificateOutcome, d.registeredAt);
    await this.saga.run(
      d._id,
      (now) =>
        now.cadastralPending ? { set: { cadastralPending: false }, timeline: [], emit: [] } : null,
      undefined,
      d,
    );
  }

  /** What the registration changes in the book, by procedure. */
  private book(d: Dossier, outcome: CertificateOutcome, at: Date): Promise<void> {
    const base = { dossierCode: d._id, outcome, at };
    const procedure = procedureOf(d);
    switch (procedure) {
      case 'TRANSFER':
        return this.parcels.registerTransfer(d.parcel.ref, {
          ...base,
          sellers: d.sellers,
          buyers: d.buyers,
        });
      case 'INHERITANCE':
        return this.parcels.registerTransfer(d.parcel.ref, {
          ...base,
          sellers: d.sellers,
          buyers: d.inheritance?.heirs ?? d.buyers,
        });
      case 'MORTGAGE': {
        const m = d.mortgage;
        const number = m?.registrationNumber;
        if (!m || !number) throw new Error(`${d._id} is registered without a mortgage number`);
        return this.parcels.registerChange(d.parcel.ref, {
          ...base,
          noteVi: `Đăng ký thế chấp cho ${m.mortgagee}, số đăng ký ${number}`,
          mortgage: { registrationNumber: number, mortgagee: m.mortgagee },
        });
      }
      case 'MORTGAGE_RELEASE': {
        const r = d.mortgageRelease;
        if (!r) throw new Error(`${d._id} has no mortgage to release`);
        return this.parcels.registerChange(d.parcel.ref, {
          ...base,
          noteVi: `Xóa đăng ký thế chấp số ${r.registrationNumber}`,
          releaseMortgage: r.registrationNumber,
        });
      }
      case 'PURPOSE_CHANGE': {
        const c = d.purposeChange;
        if (!c) throw new Error(`${d._id} has no purpose change`);
        return this.parcels.registerChange(d.parcel.ref, {
          ...base,
          noteVi: `Chuyển ${(c.convertedAreaTenthsM2 / 10).toLocaleString('vi-VN')} m² từ ${c.fromPurpose} sang ${c.toPurpose} theo Quyết định số ${c.decision.number}`,
          purpose: { toPurpose: c.toPurpose, areaTenthsM2: c.convertedAreaTenthsM2 },
        });
      }
      case 'HOUSE_REGISTRATION': {
        if (!d.house) throw new Error(`${d._id} has no house`);
        return this.parcels.registerChange(d.parcel.ref, {
          ...base,
          noteVi: `Đăng ký quyền sở hữu nhà ở, công trình: ${(d.house.floorAreaTenthsM2 / 10).toLocaleString('vi-VN')} m² sàn, ${d.house.floors} tầng`,
          house: d.house,
        });
      }
    }
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

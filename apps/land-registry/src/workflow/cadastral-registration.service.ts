import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { CertificateOutcome, Dossier, procedureOf } from '../dossiers/dossier';
import { ParcelsService } from '../reference-data/parcels.service';

const SWEEP_MS = 30_000;

/**
 * How long a dossier whose book is written waits before its `cadastralPending` is cleared:
 * the registrations of that second are confirmed by one command instead of one write each
 * (about one write per dossier in `npm run bench`, docs/benchmarks.md).
 */
const CONFIRM_DELAY_MS = 1000;

/**
 * The cadastral book follows a registered dossier: the dossier is registered first (one
 * write, so that nothing racing it can leave the book changed for a closed dossier), then the
 * book is written, once per dossier (the parcel remembers the registrations it applied), and
 * a moment later the dossier is confirmed (`cadastralPending` cleared, several at once). A
 * registration whose book update or confirmation was interrupted (a crash, the database
 * away) is finished by the sweep, which writes the book again only where it was not.
 */
@Injectable()
export class CadastralRegistrationService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('cadastre');
  private timer?: NodeJS.Timeout;
  /** Dossiers whose book is written, waiting for their confirmation (see confirmLater). */
  private readonly written = new Set<string>();
  private confirmTimer?: NodeJS.Timeout;
  private confirming: Promise<void> = Promise.resolve();

  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly parcels: ParcelsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer ??= setInterval(() => void this.completeRegistrations(), SWEEP_MS);
    this.timer.unref();
  }

  /** Confirms what is written before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.confirmNow();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Writes the book for a registered dossier still marked `cadastralPending`. */
  async write(d: Dossier): Promise<void> {
    if (!d.cadastralPending || !d.certificateOutcome || !d.registeredAt) return;
    if (this.written.has(d._id)) return;
    await this.book(d, d.certificateOutcome, d.registeredAt);
    this.confirmLater(d._id);
  }

  /** Confirms every dossier whose book is written so far (shutdown, tests). */
  confirmNow(): Promise<void> {
    clearTimeout(this.confirmTimer);
    this.confirmTimer = undefined;
    const codes = [...this.written];
    const run = this.confirming.then(async () => {
      if (codes.length === 0) return;
      try {
        await this.dossiers.confirmCadastral(codes);
      } catch (err) {
        this.logger.warn(
          `could not confirm ${codes.length} cadastral updates; the sweep will: ${String(err)}`,
        );
      } finally {
        for (const code of codes) this.written.delete(code);
      }
    });
    this.confirming = run;
    return run;
  }

  private confirmLater(code: string): void {
    this.written.add(code);
    this.confirmTimer ??= setTimeout(() => void this.confirmNow(), CONFIRM_DELAY_MS);
    this.confirmTimer.unref();
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
      // Written moments ago, and confirmed with the others shortly.
      if (this.written.has(d._id)) continue;
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

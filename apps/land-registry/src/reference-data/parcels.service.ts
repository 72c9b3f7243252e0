import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { HouseV1, ParcelRefV1 } from '@lien-thong/contracts';
import { vietnamDateOf } from '@lien-thong/calendar';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import { LandRegistryConfig } from '../config/land-registry.config';
import seed from './data/parcels.json';
import { bulkParcels } from './bulk-parcels';
import { ParcelsRepository } from './parcels.repository';
import {
  Certificate,
  CertificateOutcome,
  Parcel,
  ParcelEncumbrance,
  parcelKey,
} from './schemas/parcel.schema';

import { CertificateSerialsRepository } from './certificate-serials.repository';
import { TransferFieldError, TransferRejectedException } from './cadastral-check.exceptions';
import { Buyer, ownersAfterTransfer, SellerShare } from './ownership';

export interface SellerClaim {
  citizenId: string;
  /** The share transferred; the seller's whole share when not given. */
  shareNumerator?: number;
  shareDenominator?: number;
}

/** The cadastral book: parcels, their certificates and owners. */
@Injectable()
export class ParcelsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('parcels');

  constructor(
    private readonly parcels: ParcelsRepository,
    private readonly serials: CertificateSerialsRepository,
    @Inject(SERVICE_CONFIG) private readonly config: LandRegistryConfig,
  ) {}

  private seeded?: Promise<void>;

  /** Nest calls this twice in a service that is also a Kafka consumer: seed once. */
  onApplicationBootstrap(): Promise<void> {
    this.seeded ??= this.seed();
    return this.seeded;
  }

  private async seed(): Promise<void> {
    const showcase = seed.parcels.map((p) => ({ ...p, _id: parcelKey(p.ref) }));
    const added = await this.parcels.seed([
      ...showcase,
      ...bulkParcels(this.config.SEED_BULK_PARCELS),
    ]);
    if (added > 0) this.logger.log(`seeded ${added} sample parcels into the cadastral book`);
  }

  /**
   * The parcel of a transfer, after checking what the counter officer would check: the
   * parcel exists, the certificate presented is its current one, and every seller is on it.
   */
  async verifyTransfer(
    ref: ParcelRefV1,
    certificateSerial: string,
    sellers: SellerClaim[],
  ): Promise<Parcel> {
    const parcel = await this.parcels.find(ref);
    if (!parcel) {
      throw new TransferRejectedException([
        {
          field: 'parcel',
          code: 'PARCEL.NOT_FOUND',
          message: `Không tìm thấy thửa đất số ${ref.parcelNumber}, tờ bản đồ số ${ref.mapSheetNumber} trong sổ địa chính`,
        },
      ]);
    }
    const errors: TransferFieldError[] = [];
    if (parcel.certificate.serial !== certificateSerial) {
      errors.push({
        field: 'certificateSerial',
        code: 'CERTIFICATE.MISMATCH',
        message: 'Số seri giấy chứng nhận không khớp với giấy chứng nhận hiện hành của thửa đất',
      });
    }
    sellers.forEach((seller, i) => {
      const owned = parcel.owners.find((o) => o.citizenId === seller.citizenId);
      if (!owned) {
        errors.push({
          field: `sellers.${i}.citizenId`,
          code: 'SELLER.NOT_OWNER',
          message: 'Bên chuyển nhượng không có tên trên giấy chứng nhận của thửa đất',
        });
      } else if (
        seller.shareNumerator !== undefined &&
        seller.shareDenominator !== undefined &&
        seller.shareNumerator * owned.shareDenominator >
          owned.shareNumerator * seller.shareDenominator
      ) {
        errors.push({
          field: `sellers.${i}.shareNumerator`,
          code: 'SELLER.SHARE_EXCEEDS_OWNED',
          message: `Phần chuyển nhượng lớn hơn phần sở hữu của bên chuyển nhượng (${owned.shareNumerator}/${owned.shareDenominator})`,
        });
      }
    });
    if (errors.length > 0) throw new TransferRejectedException(errors);
    return parcel;
  }

  find(ref: ParcelRefV1): Promise<Parcel | null> {
    return this.parcels.find(ref);
  }

  /** A serial for a new certificate of a parcel in this province (never reused). */
  newCertificateSerial(provinceCode: string): Promise<string> {
    return this.serials.next(provinceCode);
  }

  /**
   * Cadastral update of an approved transfer, once per dossier (a repeat changes nothing):
   * each seller gives up the share they transferred, the other co-owners keep theirs, the
   * buyers share what was transferred, and the owners and certificate before go into the
   * parcel's history. The certificate is annotated, or replaced by the new one the approval
   * issued, as the applicant chose.
   */
  async registerTransfer(
    ref: ParcelRefV1,
    transfer: {
      dossierCode: string;
      sellers: SellerShare[];
      buyers: Buyer[];
      outcome: CertificateOutcome;
      at: Date;
    },
  ): Promise<void> {
    const registration = `registration:${transfer.dossierCode}`;
    const parcel = await this.parcels.find(ref);
    if (!parcel) throw new Error(`parcel ${parcelKey(ref)} is not in the cadastral book`);
    // Seeded parcels have no list yet; a registration already applied changes nothing.
    if ((parcel.handledEvents ?? []).includes(registration)) return;
    const owners = ownersAfterTransfer(parcel.owners, transfer.sellers, transfer.buyers);
    const certificate: Certificate =
      transfer.outcome.choice === 'NEW_CERTIFICATE'
        ? { serial: transfer.outcome.serial, issuedOn: transfer.outcome.issuedOn }
        : {
            ...parcel.certificate,
            annotations: [
              ...(parcel.certificate.annotations ?? []),
              {
                on: vietnamDateOf(transfer.at),
                dossierCode: transfer.dossierCode,
                noteVi: `Đã chuyển quyền sử dụng đất cho ${transfer.buyers.map((b) => b.fullName).join(', ')} theo hồ sơ ${transfer.dossierCode}`,
              },
            ],
          };
    await this.parcels.changeOwners(ref, registration, owners, certificate, {
      owners: parcel.owners,
      certificate: parcel.certificate,
      until: transfer.at,
      changedByDossier: transfer.dossierCode,
    });
  }

  /**
   * Cadastral update of a registration that keeps the owners (a mortgage registered or
   * released, a new purpose, a house added), once per dossier: the change, and the
   * certificate annotated (or replaced by the new one the approval issued).
   */
  async registerChange(ref: ParcelRefV1, change: CadastralChange): Promise<void> {
    const registration = `registration:${change.dossierCode}`;
    const parcel = await this.parcels.find(ref);
    if (!parcel) throw new Error(`parcel ${parcelKey(ref)} is not in the cadastral book`);
    if ((parcel.handledEvents ?? []).includes(registration)) return;
    const certificate: Certificate =
      change.outcome.choice === 'NEW_CERTIFICATE'
        ? { serial: change.outcome.serial, issuedOn: change.outcome.issuedOn }
        : {
            ...parcel.certificate,
            annotations: [
              ...(parcel.certificate.annotations ?? []),
              {
                on: vietnamDateOf(change.at),
                dossierCode: change.dossierCode,
                noteVi: change.noteVi,
              },
            ],
          };
    const set: Partial<Parcel> = { certificate };
    const push: Partial<Record<'mortgages' | 'houses', unknown>> = {};
    if (change.mortgage) {
      push.mortgages = {
        ...change.mortgage,
        registeredAt: change.at,
        dossierCode: change.dossierCode,
      };
    }
    if (change.releaseMortgage) {
      const number = change.releaseMortgage;
      set.mortgages = (parcel.mortgages ?? []).map((m) =>
        m.registrationNumber === number
          ? { ...m, releasedAt: change.at, releasedByDossier: change.dossierCode }
          : m,
      );
    }
    // A change of purpose of the whole parcel changes its purpose; of part of it, the
    // certificate's annotation records it (the parcel keeps one main purpose here).
    if (change.purpose && change.purpose.areaTenthsM2 >= parcel.areaTenthsM2) {
      set.purposeCode = change.purpose.toPurpose;
    }
    if (change.house) {
      push.houses = { ...change.house, registeredAt: change.at, dossierCode: change.dossierCode };
    }
    await this.parcels.recordChange(ref, registration, {
      set,
      ...(Object.keys(push).length > 0 ? { push } : {}),
    });
  }

  /** Keeps the registry's latest answer about the parcel, for agency look-ups. */
  noteEncumbrance(ref: ParcelRefV1, encumbrance: ParcelEncumbrance): Promise<void> {
    return this.parcels.noteEncumbrance(ref, encumbrance);
  }
}

/** A registration that keeps the owners, as the cadastral book records it. */
export interface CadastralChange {
  dossierCode: string;
  at: Date;
  outcome: CertificateOutcome;
  noteVi: string;
  mortgage?: { registrationNumber: string; mortgagee: string };
  releaseMortgage?: string;
  purpose?: { toPurpose: string; areaTenthsM2: number };
  house?: HouseV1;
}

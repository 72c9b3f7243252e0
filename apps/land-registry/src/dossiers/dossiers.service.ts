import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Topics } from '@lien-thong/contracts';
import { issueDossierCode } from '@lien-thong/dossier-code';
import { EventFactory } from '@lien-thong/messaging';
import { DomainException, SERVICE_CONFIG } from '@lien-thong/platform';
import { LandRegistryConfig } from '../config/land-registry.config';
import { ParcelsService } from '../reference-data/parcels.service';
import { SagaWriter } from '../transfer-saga/saga-writer';
import {
  acceptSupplement,
  Corrections,
  refuseByOfficer,
  requestSupplement,
  returnResult,
} from '../transfer-saga/officer-actions';
import { appointmentFor, TRANSFER_PROCEDURE } from './deadlines';
import { DossierSequenceRepository } from './dossier-sequence.repository';
import { DossiersRepository } from './dossiers.repository';
import { DossierNotificationsRepository } from './dossier-notifications.repository';
import { DossierNotFoundException } from './dossiers.exceptions';
import { SubmitTransferDto } from './dto/submit-transfer.dto';
import { IdempotencyRepository } from './idempotency.repository';
import { Dossier } from './schemas/dossier.schema';
import { NotificationRecord } from './schemas/dossier-notification.schema';

/** The one-stop counter: receive a transfer, answer about it, and the officers' decisions. */
@Injectable()
export class DossiersService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly notifications: DossierNotificationsRepository,
    private readonly sequence: DossierSequenceRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly parcels: ParcelsService,
    private readonly events: EventFactory,
    private readonly saga: SagaWriter,
    @Inject(SERVICE_CONFIG) private readonly config: LandRegistryConfig,
  ) {}

  /** Receives a transfer: returns the dossier and whether this call created it. */
  async submit(
    dto: SubmitTransferDto,
    idempotencyKey?: string,
  ): Promise<{ dossier: Dossier; created: boolean }> {
    const parcel = await this.parcels.verifyTransfer(
      dto.parcel,
      dto.certificateSerial,
      dto.sellers,
    );
    const requestHash = createHash('sha256').update(JSON.stringify(dto)).digest('hex');
    let code: string | undefined;
    if (idempotencyKey) {
      const previous = await this.idempotency.find(idempotencyKey);
      if (previous) code = this.reuse(previous, requestHash);
    }
    if (code) {
      const existing = await this.dossiers.find(code);
      if (existing) return { dossier: existing, created: false };
    }
    const receivedAt = new Date();
    if (!code) {
      const fields = this.config.DOSSIER_SERIES
        ? { series: this.config.DOSSIER_SERIES }
        : undefined;
      code = (
        await issueDossierCode(this.sequence, this.config.DOSSIER_CODE_FORMAT, {
          unitCode: this.config.UNIT_CODE,
          receivedAt,
          ...(fields ? { fields } : {}),
        })
      ).code;
      if (idempotencyKey) {
        const holder = await this.idempotency.claim(idempotencyKey, code, requestHash);
        if (holder) return this.submit(dto, idempotencyKey); // a parallel retry won the key
      }
    }
    const dossier = this.newDossier(code, dto, parcel, receivedAt);
    const received = this.events.create(Topics.DossierReceived, code, {
      dossierCode: code,
      procedureCode: TRANSFER_PROCEDURE,
      channel: dto.channel,
      receivedAt: receivedAt.toISOString(),
      appointmentAt: dossier.appointmentAt.toISOString(),
      applicant: dossier.applicant,
      parcel: dto.parcel,
      resultDelivery: dto.resultDelivery,
    });
    const check = this.events.create(Topics.ParcelCheckRequested, code, {
      dossierCode: code,
      stage: 'RECEIPT',
      parcel: dto.parcel,
      certificateSerial: dto.certificateSerial,
    });
    await this.dossiers.create(dossier, [received, check]);
    return { dossier: { ...dossier, rev: 0, handledEvents: [], outbox: [] }, created: true };
  }

  private reuse(
    previous: { dossierCode: string; requestHash: string },
    requestHash: string,
  ): string {
    if (previous.requestHash !== requestHash) {
      throw new DomainException(
        'IDEMPOTENCY.KEY_REUSED',
        'Khóa Idempotency-Key này đã được dùng cho một hồ sơ khác',
        422,
      );
    }
    return previous.dossierCode;
  }

  private newDossier(
    code: string,
    dto: SubmitTransferDto,
    parcel: Awaited<ReturnType<ParcelsService['verifyTransfer']>>,
    receivedAt: Date,
  ) {
    const appointment = appointmentFor(receivedAt, dto.parcel.communeCode);
    const owners = parcel.owners;
    const contact = {
      ...(dto.applicant.phone ? { phone: dto.applicant.phone } : {}),
      ...(dto.applicant.email ? { email: dto.applicant.email } : {}),
      ...(dto.applicant.zalo !== undefined ? { zalo: dto.applicant.zalo } : {}),
    };
    const pins = [
      dto.applicant.phone,
      ...dto.sellers.map((s) => s.citizenId),
      ...dto.buyers.map((b) => b.citizenId),
    ]
      .filter((v): v is string => !!v)
      .map((v) => v.slice(-4));
    return {
      _id: code,
      status: 'CHECKING_PARCEL' as const,
      heldBy: 'secured-transactions' as const,
      waitingFor: null,
      channel: dto.channel,
      resultDelivery: dto.resultDelivery,
      postalAddress: dto.postalAddress ?? null,
      procedureCode: TRANSFER_PROCEDURE,
      receivedAt,
      remote: appointment.remote,
      workingDaysAllowed: appointment.workingDays,
      appointmentAt: appointment.appointmentAt,
      dueAt: appointment.appointmentAt,
      pauses: [],
      applicant: { fullName: dto.applicant.fullName, contact },
      parcel: {
        ref: parcel.ref,
        address: parcel.address,
        provinceCode: parcel.provinceCode,
        areaTenthsM2: parcel.areaTenthsM2,
        purposeCode: parcel.purposeCode,
        term: parcel.term,
        origin: parcel.origin,
        priceZone: parcel.priceZone,
        pricePosition: parcel.pricePosition,
      },
      certificate: parcel.certificate,
      transfer: {
        kind: dto.transferKind,
        contractDate: dto.contractDate,
        ...(dto.declaredPriceVnd !== undefined ? { declaredPriceVnd: dto.declaredPriceVnd } : {}),
        transfersWhole: dto.transfersWhole ?? true,
        mortgageeConsent: dto.mortgageeConsent ?? null,
      },
      sellers: dto.sellers.map((s) => {
        const owner = owners.find((o) => o.citizenId === s.citizenId);
        return {
          fullName: s.fullName,
          citizenId: s.citizenId,
          address: s.address,
          shareNumerator: s.shareNumerator ?? owner?.shareNumerator ?? 1,
          shareDenominator: s.shareDenominator ?? owner?.shareDenominator ?? dto.sellers.length,
          relationshipToBuyer: s.relationshipToBuyer,
          ...(s.ownsOtherResidentialProperty !== undefined
            ? { ownsOtherResidentialProperty: s.ownsOtherResidentialProperty }
            : {}),
        };
      }),
      buyers: dto.buyers.map((b) => ({
        fullName: b.fullName,
        citizenId: b.citizenId,
        address: b.address,
      })),
      slipRevision: 0,
      resumeStep: null,
      assessment: null,
      payment: null,
      refusal: null,
      delay: null,
      registeredAt: null,
      finishedAt: null,
      timeline: [
        {
          at: receivedAt,
          step: 'RECEIVED',
          actor: dto.channel === 'COUNTER' ? 'Bộ phận Một cửa' : 'Cổng dịch vụ công',
          noteVi: 'Đã tiếp nhận hồ sơ, cấp giấy tiếp nhận và hẹn trả kết quả',
          deadlineAt: appointment.appointmentAt,
        },
        {
          at: receivedAt,
          step: 'PARCEL_CHECK_REQUESTED',
          actor: 'land-registry',
          noteVi: 'Gửi yêu cầu kiểm tra thông tin ngăn chặn, giao dịch bảo đảm sang Sở Tư pháp',
        },
      ],
      trackingPins: [...new Set(pins)],
    };
  }

  async get(code: string): Promise<Dossier> {
    const dossier = await this.dossiers.find(code);
    if (!dossier) throw new DossierNotFoundException();
    return dossier;
  }

  /** The delivery statuses of the messages sent about the dossier, oldest first. */
  notificationsOf(code: string): Promise<NotificationRecord[]> {
    return this.notifications.listFor(code);
  }

  /** Tracking needs the code and the last 4 digits of a phone or ID: codes alone are guessable. */
  async track(code: string, last4: string): Promise<Dossier> {
    const dossier = await this.dossiers.find(code);
    if (!dossier || !dossier.trackingPins.includes(last4)) throw new DossierNotFoundException();
    return dossier;
  }

  requestSupplement(code: string, reasonVi: string, officer: string): Promise<Dossier> {
    return this.saga.runAndRead(code, (d) => requestSupplement(d, reasonVi, officer, new Date()));
  }

  acceptSupplement(code: string, officer: string, corrections: Corrections): Promise<Dossier> {
    return this.saga.runAndRead(code, (d) => acceptSupplement(d, officer, new Date(), corrections));
  }

  refuse(code: string, reasonVi: string, officer: string): Promise<Dossier> {
    return this.saga.runAndRead(code, (d) => refuseByOfficer(d, reasonVi, officer, new Date()));
  }

  returnResult(code: string, officer: string): Promise<Dossier> {
    return this.saga.runAndRead(code, (d) => returnResult(d, officer, new Date()));
  }

  /** Officers' backlog: dossiers per step, per holder and per agency they wait for. */
  async backlog() {
    const [byStatus, byHolder, byAgency] = await Promise.all([
      this.dossiers.countBy('status'),
      this.dossiers.countBy('heldBy'),
      // Counted by the database: reading every running dossier made each look heavy.
      this.dossiers.countWaitingByAgency(),
    ]);
    return {
      byStatus: Object.fromEntries(byStatus.map((r) => [r._id, r.count])),
      byHolder: Object.fromEntries(byHolder.map((r) => [r._id, r.count])),
      waitingForAgency: Object.fromEntries(byAgency.map((r) => [r._id, r.count])),
    };
  }
}

import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Topics } from '@lien-thong/contracts';
import { issueDossierCode } from '@lien-thong/dossier-code';
import { EventFactory } from '@lien-thong/messaging';
import {
  Actor,
  describeActor,
  DomainException,
  Role,
  SERVICE_CONFIG,
  unitCovers,
} from '@lien-thong/platform';
import { dossierCodeUnitOf, unitOfParcel } from '../reference-data/units';
import { assertCanSubmit } from '../dossiers/dossier-access';
import { LandRegistryConfig } from '../config/land-registry.config';
import { ParcelsService } from '../reference-data/parcels.service';
import { agencyDeadline, appointmentFor, TRANSFER_PROCEDURE } from '../dossiers/deadlines';
import { vietnamDateOf } from '@lien-thong/calendar';
import { feesFor, procedureOn } from '@lien-thong/procedures';
import type { ProcedureKey } from '@lien-thong/contracts';
import { PreparedDossier, ProcedureForm, stepsOf, TRANSFER_FORM } from '../procedures';
import { handOff } from '../workflow/handoffs';
import { DossierSequenceRepository } from './dossier-sequence.repository';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { ParcelHasActiveDossierException } from '../dossiers/dossiers.exceptions';
import { DossierFormDto, SubmitTransferDto } from './dto/submit-transfer.dto';
import { IdempotencyRepository } from './idempotency.repository';
import { ParcelClaims } from './parcel-claims';
import { Dossier } from '../dossiers/dossier';
import { hashTrackingSecret, newTrackingSecret } from '../dossiers/tracking-secret';
import { storedApplicant } from './parties';

/**
 * Intake at the one-stop counter and online: checks who submits and what against the
 * cadastral book, claims the Idempotency-Key, then the parcel (one unfinished dossier per
 * parcel and procedure), takes a dossier number, and stores the dossier with the events
 * that start its workflow.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly sequence: DossierSequenceRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly parcelClaims: ParcelClaims,
    private readonly parcels: ParcelsService,
    private readonly events: EventFactory,
    @Inject(SERVICE_CONFIG) private readonly config: LandRegistryConfig,
  ) {}

  /**
   * Receives a dossier of any procedure: returns the dossier, whether this call created it,
   * and (only when it did) the tracking secret for the receipt, which is stored hashed and
   * never shown again.
   */
  async receive<D extends DossierFormDto>(
    form: ProcedureForm<D>,
    dto: D,
    actor: Actor,
    idempotencyKey?: string,
  ): Promise<{ dossier: Dossier; created: boolean; trackingSecret?: string }> {
    const prepared = await this.check(form, dto, actor);
    const { parcel } = prepared;
    // The submitter is part of the request: one key cannot replay another person's dossier.
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ procedure: form.key, dto, by: actor.subject }))
      .digest('hex');
    let code = idempotencyKey ? await this.codeForKey(idempotencyKey, requestHash) : undefined;
    if (code) {
      const existing = await this.waitForDossier(code);
      if (existing) return { dossier: existing, created: false };
      // The request that took this number died before writing the dossier: finish it.
    }
    // Checked after the key: a retry of a received dossier gets it back, not a 409.
    const claim = await this.parcelClaims
      // One unfinished dossier per parcel, whatever its procedure: two changes at once to one
      // parcel (a mortgage while it is being sold) would each be decided on a stale book.
      .claim(TRANSFER_PROCEDURE, dto.parcel, idempotencyKey)
      .catch(async (err: unknown) => {
        if (idempotencyKey && !code) await this.idempotency.release(idempotencyKey, requestHash);
        throw err;
      });
    const receivedAt = new Date();
    code ??=
      claim.dossierCode ??
      (await this.takeNumber(receivedAt, receivingUnitOf(actor, dto.channel, parcel)).catch(
        async (err: unknown) => {
          await this.parcelClaims.release(claim);
          if (idempotencyKey) await this.idempotency.release(idempotencyKey, requestHash);
          throw err;
        },
      ));
    // From here on the dossier may exist: the claim stays until it is finished, taken over
    // by a retry with the same key, or left for dead (parcel-claims.ts).
    if (claim.dossierCode !== code) await this.parcelClaims.assign(claim, code);
    if (idempotencyKey) await this.idempotency.assign(idempotencyKey, code);
    if (!(await this.parcelClaims.stillHeld(claim)))
      throw new ParcelHasActiveDossierException(null);
    const trackingSecret = newTrackingSecret();
    const dossier = this.newDossier(
      code,
      form.key,
      dto,
      prepared,
      receivedAt,
      actor,
      trackingSecret,
    );
    const received = this.events.create(Topics.DossierReceived, code, {
      dossierCode: code,
      procedureCode: dossier.procedureCode,
      procedure: form.key,
      ...(dossier.fees.length > 0 ? { fees: dossier.fees } : {}),
      // The receipt message links the tracking page with it filled in (notification only).
      trackingSecret,
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
    if (!(await this.dossiers.create(dossier, [received, check]))) {
      // A retry finishing the same dossier got there first.
      const existing = await this.dossiers.find(code);
      if (existing) return { dossier: existing, created: false };
      throw new Error(`dossier ${code} was created and then vanished`);
    }
    return {
      dossier: { ...dossier, rev: 0, handledEvents: [], outbox: [] },
      created: true,
      trackingSecret,
    };
  }

  /**
   * The form's checks against the cadastral book and who may submit it: the first step of
   * every intake, and all of a validation (the counter's form, checked as it is typed).
   */
  private async check<D extends DossierFormDto>(
    form: ProcedureForm<D>,
    dto: D,
    actor: Actor,
  ): Promise<PreparedDossier> {
    const prepared = await form.prepare(dto, this.parcels);
    assertCanSubmit(actor, dto.channel, prepared.parcel.provinceCode, prepared.partyIds);
    return prepared;
  }

  /**
   * Whether `receive` would accept the form now, storing nothing, taking no number and
   * publishing nothing: throws the same field errors (and 409 for a parcel with an unfinished
   * dossier) the intake would. A retry with an Idempotency-Key is not a question it answers.
   */
  async validate<D extends DossierFormDto>(
    form: ProcedureForm<D>,
    dto: D,
    actor: Actor,
  ): Promise<void> {
    await this.check(form, dto, actor);
    await this.parcelClaims.assertFree(TRANSFER_PROCEDURE, dto.parcel);
  }

  /** Receives a transfer (the form of the counter's first procedure). */
  submit(dto: SubmitTransferDto, actor: Actor, idempotencyKey?: string) {
    return this.receive(TRANSFER_FORM, dto, actor, idempotencyKey);
  }

  /** The next dossier code of the unit, in the configured format. */
  private async takeNumber(receivedAt: Date, unit: string): Promise<string> {
    const fields = this.config.DOSSIER_SERIES ? { series: this.config.DOSSIER_SERIES } : undefined;
    const format = this.config.DOSSIER_CODE_FORMAT;
    const issued = await issueDossierCode(this.sequence, format, {
      unitCode: dossierCodeUnitOf(unit, format, this.config.UNIT_CODE),
      receivedAt,
      ...(fields ? { fields } : {}),
    });
    return issued.code;
  }

  /**
   * With an Idempotency-Key: the dossier code an earlier request with this key took, or
   * undefined when this request claimed the key (it takes a new number). The key is claimed
   * before any number is taken, so two identical requests at once never take two.
   */
  private async codeForKey(key: string, requestHash: string): Promise<string | undefined> {
    const deadline = Date.now() + KEY_WAIT_MS;
    for (let released = false; ;) {
      const holder = await this.idempotency.claim(key, requestHash);
      if (!holder) return undefined;
      if (holder.requestHash !== requestHash) {
        throw new DomainException(
          'IDEMPOTENCY.KEY_REUSED',
          'Khóa Idempotency-Key này đã được dùng cho một hồ sơ khác',
          422,
        );
      }
      if (holder.dossierCode) return holder.dossierCode;
      // The other request is taking its number: wait for it, or for it to be found dead.
      if (Date.now() > deadline) {
        if (released) throw keyInProgress();
        await this.idempotency.releaseStale(key, new Date(Date.now() - KEY_WAIT_MS));
        released = true;
      }
      await sleep(100);
    }
  }

  /** The dossier, waiting a little while the request that took its number writes it. */
  private async waitForDossier(code: string): Promise<Dossier | null> {
    const deadline = Date.now() + KEY_WAIT_MS;
    for (;;) {
      const dossier = await this.dossiers.find(code);
      if (dossier || Date.now() > deadline) return dossier;
      await sleep(100);
    }
  }

  private newDossier(
    code: string,
    procedure: ProcedureKey,
    dto: DossierFormDto,
    prepared: PreparedDossier,
    receivedAt: Date,
    actor: Actor,
    trackingSecret: string,
  ) {
    const { parcel, fields } = prepared;
    const appointment = appointmentFor(procedure, receivedAt, dto.parcel.communeCode);
    const on = vietnamDateOf(receivedAt);
    const unit = unitOfParcel(parcel.provinceCode, parcel.ref.communeCode);
    // A counter officer of another unit of the province received it: that unit sees it too.
    const received = receivingUnitOf(actor, dto.channel, parcel);
    const receivingUnit = unitCovers(received, unit) ? null : received;
    return {
      _id: code,
      status: 'CHECKING_PARCEL' as const,
      heldBy: 'secured-transactions' as const,
      waitingFor: null,
      channel: dto.channel,
      resultDelivery: dto.resultDelivery,
      postalAddress: dto.postalAddress ?? null,
      certificateChoice: prepared.certificateChoice ?? dto.certificateChoice ?? 'NEW_CERTIFICATE',
      procedureCode: procedureOn(procedure, on).code,
      procedure,
      fees: feesFor({ procedure, provinceCode: parcel.provinceCode, channel: dto.channel, on }),
      receivedAt,
      remote: appointment.remote,
      workingDaysAllowed: appointment.workingDays,
      appointmentAt: appointment.appointmentAt,
      dueAt: appointment.appointmentAt,
      pauses: [],
      applicant: storedApplicant(dto.applicant),
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
      transfer: fields.transfer,
      sellers: fields.sellers,
      buyers: fields.buyers,
      inheritance: fields.inheritance ?? null,
      mortgage: fields.mortgage ?? null,
      mortgageRelease: fields.mortgageRelease ?? null,
      purposeChange: fields.purposeChange ?? null,
      house: fields.house ?? null,
      construction: null,
      receivingUnit,
      slipRevision: 0,
      resumeStep: null,
      assessment: null,
      payment: null,
      refusal: null,
      delay: null,
      assignee: null,
      proposal: null,
      approval: null,
      certificateOutcome: null,
      cadastralPending: false,
      withdrawal: null,
      // The Justice check is the first handoff, with its inter-agency deadline.
      ...handOff('secured-transactions', 'PARCEL_CHECK_REQUESTED', receivedAt),
      lateHandoffs: [],
      registeredAt: null,
      finishedAt: null,
      timeline: [
        {
          at: receivedAt,
          step: 'RECEIVED',
          actor:
            dto.channel === 'COUNTER'
              ? describeActor(actor, Role.CounterOfficer)
              : `${actor.fullName} (Công dân, nộp trên Cổng dịch vụ công)`,
          noteVi: `Đã tiếp nhận hồ sơ (${stepsOf({ procedure }).nameVi}), cấp giấy tiếp nhận và hẹn trả kết quả`,
          deadlineAt: appointment.appointmentAt,
        },
        {
          at: receivedAt,
          step: 'PARCEL_CHECK_REQUESTED',
          actor: 'land-registry',
          noteVi: 'Gửi yêu cầu kiểm tra thông tin ngăn chặn, giao dịch bảo đảm sang Sở Tư pháp',
          deadlineAt: agencyDeadline('secured-transactions', receivedAt),
        },
      ],
      trackingSecretHash: hashTrackingSecret(trackingSecret),
      unit,
      applicantCitizenId: dto.channel === 'ONLINE' ? (actor.citizenId ?? null) : null,
    };
  }
}

/**
 * The unit that received the dossier and numbers it: the counter officer's own unit (any unit
 * of the province may receive: "phi địa giới hành chính"); online, the unit competent for the
 * parcel, to which the national portal routes it.
 */
function receivingUnitOf(
  actor: Actor,
  channel: 'ONLINE' | 'COUNTER',
  parcel: { provinceCode: string; ref: { communeCode: string } },
): string {
  if (channel === 'COUNTER' && actor.unit) return actor.unit;
  return unitOfParcel(parcel.provinceCode, parcel.ref.communeCode);
}

/** How long a request waits for another with the same Idempotency-Key before taking over. */
const KEY_WAIT_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const keyInProgress = () =>
  new DomainException(
    'IDEMPOTENCY.IN_PROGRESS',
    'Yêu cầu cùng khóa Idempotency-Key đang được xử lý; vui lòng thử lại sau ít giây',
    409,
  );

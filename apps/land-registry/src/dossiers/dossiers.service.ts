import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, describeActor, Role } from '@lien-thong/platform';
import { assertOfficerOf } from './dossier-access';
import { SagaWriter } from '../transfer-saga/saga-writer';
import {
  acceptSupplement,
  Corrections,
  refuseByOfficer,
  requestSupplement,
  returnResult,
} from '../transfer-saga/officer-actions';
import type { Transition } from '../transfer-saga/transition';
import { DossiersRepository } from './dossiers.repository';
import { DossierNotificationsRepository } from './dossier-notifications.repository';
import { DossierNotFoundException, TransferRejectedException } from './dossiers.exceptions';
import { ParcelsService } from '../reference-data/parcels.service';
import { SupplementDto } from './dto/officer-actions.dto';
import { storedApplicant, storedBuyers, storedSellers } from './parties';
import { contractDateProblems, partyProblems } from './transfer-checks';
import { hashTrackingSecret } from './tracking-secret';
import { Dossier } from './schemas/dossier.schema';
import { NotificationRecord } from './schemas/dossier-notification.schema';

/** Dossiers once received: what they say, who may see them, and the officers' decisions. */
@Injectable()
export class DossiersService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly notifications: DossierNotificationsRepository,
    private readonly saga: SagaWriter,
    private readonly parcels: ParcelsService,
  ) {}

  async get(code: string): Promise<Dossier> {
    const dossier = await this.dossiers.find(code);
    if (!dossier) throw new DossierNotFoundException();
    return dossier;
  }

  /** The delivery statuses of the messages sent about the dossier, oldest first. */
  notificationsOf(code: string): Promise<NotificationRecord[]> {
    return this.notifications.listFor(code);
  }

  /**
   * Tracking without login needs the code and the secret from the receipt; a wrong secret
   * is answered exactly like an unknown code (and costs the same hash).
   */
  async track(code: string, secret: string): Promise<Dossier> {
    const dossier = await this.dossiers.find(code);
    const given = Buffer.from(hashTrackingSecret(secret), 'hex');
    const stored = Buffer.from(dossier?.trackingSecretHash ?? hashTrackingSecret(''), 'hex');
    if (!dossier || given.length !== stored.length || !timingSafeEqual(given, stored))
      throw new DossierNotFoundException();
    return dossier;
  }

  /** Runs an officer's decision after checking their role and unit against the dossier. */
  private async decide(
    code: string,
    actor: Actor,
    roles: Role[],
    step: (d: Dossier, officer: string) => Transition,
  ): Promise<Dossier> {
    const current = await this.get(code);
    assertOfficerOf(actor, current, roles);
    const role = roles.find((r) => actor.roles.includes(r)) ?? roles[0];
    const officer = describeActor(actor, role);
    return this.saga.runAndRead(code, (d) => step(d, officer));
  }

  requestSupplement(code: string, reasonVi: string, actor: Actor): Promise<Dossier> {
    return this.decide(code, actor, SUPPLEMENT_ROLES, (d, officer) =>
      requestSupplement(d, reasonVi, officer, new Date()),
    );
  }

  /**
   * The citizen's corrections, checked again as at the counter: parties distinct, sellers on
   * the certificate with at most what they own, a contract not before the certificate.
   */
  async acceptSupplement(code: string, actor: Actor, dto: SupplementDto): Promise<Dossier> {
    const d = await this.get(code);
    assertOfficerOf(actor, d, [Role.CounterOfficer]);
    const corrections = await this.checkedCorrections(d, dto);
    return this.decide(code, actor, [Role.CounterOfficer], (now, officer) =>
      acceptSupplement(now, officer, new Date(), corrections),
    );
  }

  private async checkedCorrections(d: Dossier, dto: SupplementDto): Promise<Corrections> {
    // A DTO instance has every declared field, absent ones as undefined: keep what was sent.
    const sent = Object.fromEntries(
      Object.entries(dto).filter(([, value]) => value !== undefined),
    ) as SupplementDto;
    const { sellers, buyers, applicant, ...terms } = sent;
    const parcel = sellers
      ? await this.parcels.verifyTransfer(d.parcel.ref, d.certificate.serial, sellers)
      : undefined;
    const problems = [
      ...partyProblems({ sellers: sellers ?? d.sellers, buyers: buyers ?? d.buyers }),
      ...(terms.contractDate
        ? contractDateProblems(terms.contractDate, d.certificate.issuedOn)
        : []),
    ];
    if (problems.length > 0) throw new TransferRejectedException(problems);
    return {
      ...terms,
      ...(sellers && parcel ? { sellers: storedSellers(sellers, parcel.owners) } : {}),
      ...(buyers ? { buyers: storedBuyers(buyers) } : {}),
      ...(applicant ? { applicant: storedApplicant(applicant) } : {}),
    };
  }

  refuse(code: string, reasonVi: string, actor: Actor): Promise<Dossier> {
    return this.decide(code, actor, REFUSAL_ROLES, (d, officer) =>
      refuseByOfficer(d, reasonVi, officer, new Date()),
    );
  }

  returnResult(code: string, actor: Actor): Promise<Dossier> {
    return this.decide(code, actor, [Role.CounterOfficer], (d, officer) =>
      returnResult(d, officer, new Date()),
    );
  }

  /** Officers' backlog of their unit: dossiers per step, per holder and per agency they wait for. */
  async backlog(actor: Actor) {
    const unit = actor.unit ?? '-';
    const [byStatus, byHolder, byAgency, late] = await Promise.all([
      this.dossiers.countBy('status', unit),
      this.dossiers.countBy('heldBy', unit),
      // Counted by the database: reading every running dossier made each look heavy.
      this.dossiers.countWaitingByAgency(unit),
      this.dossiers.lateByAgency(unit, new Date()),
    ]);
    return {
      byStatus: Object.fromEntries(byStatus.map((r) => [r._id, r.count])),
      byHolder: Object.fromEntries(byHolder.map((r) => [r._id, r.count])),
      waitingForAgency: Object.fromEntries(byAgency.map((r) => [r._id, r.count])),
      agencyPastDeadline: late.overdueNow,
      agencyAnsweredLate: late.answeredLate,
    };
  }
}

/** Who may ask the citizen for more documents: the counter, or the officer reviewing. */
const SUPPLEMENT_ROLES: Role[] = [Role.CounterOfficer, Role.LandOfficer];
/** Who may refuse a dossier already received: the land office's officers and leaders. */
const REFUSAL_ROLES: Role[] = [Role.LandOfficer, Role.LandLeader];

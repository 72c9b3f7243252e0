import { Injectable } from '@nestjs/common';
import { vietnamDateOf } from '@lien-thong/calendar';
import { Actor, describeActor, hasRole, Role, unitCovers } from '@lien-thong/platform';
import { ParcelsService } from '../reference-data/parcels.service';
import { SagaWriter } from '../workflow/saga-writer';
import {
  approve,
  assertMayApprove,
  assign,
  claim,
  propose,
  sendBack,
  withdraw,
} from '../workflow/land-office-review';
import { ReviewException } from '../workflow/review.exceptions';
import { STATUS_VI } from '../workflow/transition';
import { assertOfficerOf, audienceFor } from '../dossiers/dossier-access';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { OfficersRepository } from './officers.repository';
import { CertificateOutcome, Dossier, OfficerRef } from '../dossiers/dossier';

/**
 * The land office's review, approval and registration, and withdrawal by the applicant: who
 * may do each step is checked here (role, unit, assignee); what the step changes is decided
 * by the pure transitions of transfer-saga/land-office-review.ts.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly repository: DossiersRepository,
    private readonly saga: SagaWriter,
    private readonly parcels: ParcelsService,
    private readonly officers: OfficersRepository,
  ) {}

  /** The person acting, as dossiers name them, remembered so that a leader can assign to them. */
  private async me(actor: Actor, role: Role): Promise<OfficerRef> {
    const me = { username: actor.username, describedAs: describeActor(actor, role) };
    await this.officers.seen(me, actor.unit ?? null, actor.roles, new Date());
    return me;
  }

  private async officerStep(
    code: string,
    actor: Actor,
    role: Role,
  ): Promise<[Dossier, OfficerRef]> {
    const dossier = await this.repository.existing(code);
    assertOfficerOf(actor, dossier, [role]);
    return [dossier, await this.me(actor, role)];
  }

  /**
   * The officer's work list: the unit's queue and what they hold; a leader also sees every
   * dossier under review (to assign) and those waiting for approval.
   */
  async queue(actor: Actor) {
    const leader = hasRole(actor, Role.LandLeader);
    const me = await this.me(actor, leader ? Role.LandLeader : Role.LandOfficer);
    const unit = actor.unit ?? '-';
    const rows = await this.repository.ofUnitIn(
      unit,
      leader ? ['IN_REVIEW', 'AWAITING_APPROVAL'] : ['IN_REVIEW'],
    );
    return rows
      .filter((d) => leader || !d.assignee || d.assignee.username === me.username)
      .map((d) => ({
        dossierCode: d._id,
        status: d.status,
        statusVi: STATUS_VI[d.status],
        unit: d.unit,
        receivedAt: d.receivedAt,
        currentDeadline: d.dueAt,
        parcelAddress: d.parcel.address,
        assignee: d.assignee?.describedAs ?? null,
        mine: d.assignee?.username === me.username,
        proposal: d.proposal
          ? { by: d.proposal.by.describedAs, opinionVi: d.proposal.opinionVi }
          : null,
      }));
  }

  async claim(code: string, actor: Actor): Promise<Dossier> {
    const [dossier, me] = await this.officerStep(code, actor, Role.LandOfficer);
    return this.saga.run(code, (d) => claim(d, me, new Date()), undefined, dossier);
  }

  async assign(code: string, username: string, actor: Actor): Promise<Dossier> {
    const [dossier, me] = await this.officerStep(code, actor, Role.LandLeader);
    const officer = await this.officers.find(username);
    if (
      !officer ||
      !officer.roles.includes(Role.LandOfficer) ||
      !unitCovers(officer.unit ?? undefined, dossier.unit)
    )
      throw ReviewException.officerOutsideUnit();
    const to = { username: officer.username, describedAs: officer.describedAs };
    return this.saga.run(code, (d) => assign(d, to, me, new Date()), undefined, dossier);
  }

  async propose(code: string, opinionVi: string, actor: Actor): Promise<Dossier> {
    const [dossier, me] = await this.officerStep(code, actor, Role.LandOfficer);
    return this.saga.run(code, (d) => propose(d, me, opinionVi, new Date()), undefined, dossier);
  }

  async sendBack(code: string, reasonVi: string, actor: Actor): Promise<Dossier> {
    const [dossier, me] = await this.officerStep(code, actor, Role.LandLeader);
    return this.saga.run(code, (d) => sendBack(d, me, reasonVi, new Date()), undefined, dossier);
  }

  /**
   * The leader approves: the certificate outcome is fixed (a new serial, or the annotation),
   * and the registry is asked once more before the change is registered.
   */
  async approve(code: string, actor: Actor): Promise<Dossier> {
    const [dossier, me] = await this.officerStep(code, actor, Role.LandLeader);
    assertMayApprove(dossier, me);
    const at = new Date();
    const outcome: CertificateOutcome =
      dossier.certificateChoice === 'ANNOTATE'
        ? {
            choice: 'ANNOTATE',
            serial: dossier.certificate.serial,
            issuedOn: dossier.certificate.issuedOn,
          }
        : {
            choice: 'NEW_CERTIFICATE',
            serial: await this.parcels.newCertificateSerial(dossier.parcel.provinceCode),
            issuedOn: vietnamDateOf(at),
          };
    return this.saga.run(code, (d) => approve(d, me, at, outcome), undefined, dossier);
  }

  /** The applicant (a citizen party) or a counter officer of the unit withdraws the dossier. */
  async withdraw(code: string, reasonVi: string, actor: Actor): Promise<Dossier> {
    const dossier = await this.repository.existing(code);
    const audience = audienceFor(actor, dossier);
    if (audience === 'officer') {
      assertOfficerOf(actor, dossier, [Role.CounterOfficer]);
      const officer = describeActor(actor, Role.CounterOfficer);
      return this.saga.run(
        code,
        (d) => withdraw(d, 'COUNTER_OFFICER', officer, reasonVi, new Date()),
        undefined,
        dossier,
      );
    }
    return this.saga.run(
      code,
      (d) => withdraw(d, 'CITIZEN', 'Người nộp hồ sơ', reasonVi, new Date()),
      undefined,
      dossier,
    );
  }
}

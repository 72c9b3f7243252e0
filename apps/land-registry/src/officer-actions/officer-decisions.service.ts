import { Injectable } from '@nestjs/common';
import { Actor, describeActor, Role } from '@lien-thong/platform';
import { assertOfficerOf } from '../dossiers/dossier-access';
import { SagaWriter } from '../workflow/saga-writer';
import {
  acceptSupplement,
  Corrections,
  refuseByOfficer,
  requestSupplement,
  returnResult,
} from '../workflow/officer-actions';
import type { Transition } from '../workflow/transition';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { TransferRejectedException } from '../dossiers/dossiers.exceptions';
import { ParcelsService } from '../reference-data/parcels.service';
import { SupplementDto } from './dto/officer-actions.dto';
import { storedApplicant, storedBuyers, storedSellers } from '../intake/parties';
import { contractDateProblems, partyProblems } from '../intake/transfer-checks';
import { Dossier, procedureOf } from '../dossiers/dossier';

/**
 * The decisions the law leaves to the counter and the land office's officers on a received
 * dossier (supplement asked and accepted, refusal, handing over the result), after checking
 * the person's role and unit; what each changes is decided by workflow/officer-actions.ts.
 */
@Injectable()
export class OfficerDecisionsService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly saga: SagaWriter,
    private readonly parcels: ParcelsService,
  ) {}

  /** Runs an officer's decision after checking their role and unit against the dossier. */
  private async decide(
    code: string,
    actor: Actor,
    roles: Role[],
    step: (d: Dossier, officer: string) => Transition,
  ): Promise<Dossier> {
    const current = await this.dossiers.existing(code);
    assertOfficerOf(actor, current, roles);
    const role = roles.find((r) => actor.roles.includes(r)) ?? roles[0];
    const officer = describeActor(actor, role);
    return this.saga.run(code, (d) => step(d, officer), undefined, current);
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
    const d = await this.dossiers.existing(code);
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
    // The form of a transfer corrects a transfer: the other procedures' supplements bring
    // documents (and may correct the applicant's contact), not a sale's parties or terms.
    if (procedureOf(d) !== 'TRANSFER' && Object.keys(sent).some((k) => k !== 'applicant'))
      throw new TransferRejectedException([
        {
          field: Object.keys(sent).find((k) => k !== 'applicant') ?? 'applicant',
          code: 'SUPPLEMENT.NOT_FOR_THIS_PROCEDURE',
          message: 'Hồ sơ bổ sung của thủ tục này chỉ được sửa thông tin người nộp hồ sơ',
        },
      ]);
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
}

/** Who may ask the citizen for more documents: the counter, or the officer reviewing. */
const SUPPLEMENT_ROLES: Role[] = [Role.CounterOfficer, Role.LandOfficer];
/** Who may refuse a dossier already received: the land office's officers and leaders. */
const REFUSAL_ROLES: Role[] = [Role.LandOfficer, Role.LandLeader];

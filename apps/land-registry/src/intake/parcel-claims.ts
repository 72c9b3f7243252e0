import { Injectable } from '@nestjs/common';
import type { ParcelRefV1 } from '@lien-thong/contracts';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { ParcelHasActiveDossierException } from '../dossiers/dossiers.exceptions';
import { ParcelClaim, ParcelClaimRepository } from './parcel-claim.repository';
import { FINISHED } from '../dossiers/dossier';

/** A claim this request holds: release it if the dossier is not written after all. */
export interface HeldClaim {
  id: string;
  claimedAt: Date;
  /** The number an earlier try of this request (same Idempotency-Key) took, if any. */
  dossierCode: string | null;
}

/**
 * One unfinished dossier per parcel and procedure (issue 14, item 9: the same seller's
 * transfer was accepted 144 times, each assessed and notified).
 *
 * FerretDB has neither multi-document transactions nor atomic conditional updates under
 * concurrency, so the rule rests on unique inserts alone. The claims of a parcel form a
 * chain of generations, `<procedure>:<parcel>#1`, `#2`…: a request walks it and inserts the
 * first generation not taken, stepping past a claim only when it is stale (its dossier is
 * finished, its request gave it up or died before writing the dossier). Two requests that
 * find the parcel free race to insert the same id and exactly one wins; no claim is ever
 * deleted, so the chain has no gap a later request could slip into.
 */
@Injectable()
export class ParcelClaims {
  constructor(
    private readonly claims: ParcelClaimRepository,
    private readonly dossiers: DossiersRepository,
  ) {}

  /**
   * Claims the parcel for a new dossier, before it takes a number; throws 409 with the
   * code of the unfinished dossier that holds it. A retry with the Idempotency-Key of the
   * request that holds the claim gets that claim back (and the number it took, if any).
   */
  async claim(procedureCode: string, parcel: ParcelRefV1, key?: string): Promise<HeldClaim> {
    const chain = chainOf(procedureCode, parcel);
    for (let generation = 1; ;) {
      const claim: ParcelClaim = {
        _id: `${chain}#${generation}`,
        dossierCode: null,
        idempotencyKey: key ?? null,
        claimedAt: new Date(),
      };
      const holder = await this.claims.insert(claim);
      if (!holder) return { id: claim._id, claimedAt: claim.claimedAt, dossierCode: null };
      if (key && holder.idempotencyKey === key && !holder.released)
        return { id: holder._id, claimedAt: holder.claimedAt, dossierCode: holder.dossierCode };
      const active = await this.activeDossierOf(holder);
      if (active === STALE) generation++;
      else throw new ParcelHasActiveDossierException(active);
    }
  }

  /**
   * Throws the 409 `claim` would, claiming nothing: for a validation of the form, before
   * the officer submits it.
   */
  async assertFree(procedureCode: string, parcel: ParcelRefV1): Promise<void> {
    const chain = chainOf(procedureCode, parcel);
    for (let generation = 1; ; generation++) {
      const holder = await this.claims.find(`${chain}#${generation}`);
      if (!holder) return;
      const active = await this.activeDossierOf(holder);
      if (active !== STALE) throw new ParcelHasActiveDossierException(active);
    }
  }

  /** Records the number the claim's dossier took. */
  assign(claim: HeldClaim, dossierCode: string): Promise<void> {
    return this.claims.assign(claim.id, dossierCode);
  }

  /** Frees the parcel when the request fails before its dossier is written. */
  release(claim: HeldClaim): Promise<void> {
    return this.claims.release(claim.id, claim.claimedAt);
  }

  /**
   * Whether a claim taken a while ago still holds the parcel: after ABANDONED_MS another
   * request may have taken it for dead and claimed the next generation.
   */
  async stillHeld(claim: HeldClaim): Promise<boolean> {
    if (Date.now() - claim.claimedAt.getTime() < ABANDONED_MS / 2) return true;
    const [chain, generation] = claim.id.split('#');
    return !(await this.claims.find(`${chain}#${Number(generation) + 1}`));
  }

  /**
   * The code of the unfinished dossier behind a claim (null while its request is still
   * taking the number), or STALE when the claim no longer holds the parcel.
   */
  private async activeDossierOf(holder: ParcelClaim): Promise<string | null | typeof STALE> {
    const deadline = Date.now() + NUMBER_WAIT_MS;
    for (let claim = holder; ;) {
      if (claim.released) return STALE;
      if (claim.dossierCode) {
        const dossier = await this.dossiers.find(claim.dossierCode);
        // FINISHED is read here, not copied: a status added to it later frees parcels too.
        if (dossier) return FINISHED.includes(dossier.status) ? STALE : claim.dossierCode;
      }
      if (claim.claimedAt.getTime() < Date.now() - ABANDONED_MS) return STALE;
      // Numbering takes milliseconds: wait for the code, so that the answer names the dossier.
      if (claim.dossierCode || Date.now() > deadline) return claim.dossierCode;
      await sleep(50);
      claim = (await this.claims.find(holder._id)) ?? claim;
    }
  }
}

const STALE = Symbol('stale');

const chainOf = (procedureCode: string, p: ParcelRefV1) =>
  `${procedureCode}:${p.communeCode}/${p.mapSheetNumber}/${p.parcelNumber}`;

/** How long a claim may stay without its dossier before its request is taken for dead. */
const ABANDONED_MS = 120_000;

/** How long to wait for a concurrent request to take its number, to name it in the 409. */
const NUMBER_WAIT_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

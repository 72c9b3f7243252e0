import type { CertificateChoice, ProcedureKey, SellerV1 } from '@lien-thong/contracts';
import type { Dossier } from '../dossiers/dossier';
import type { ParcelsService } from '../reference-data/parcels.service';
import type { Owner, Parcel } from '../reference-data/schemas/parcel.schema';
import type { DossierFormDto } from '../intake/dto/submit-transfer.dto';

/** What a procedure's form adds to the dossier, beyond what every dossier has. */
export type ProcedureFields = Pick<Dossier, 'transfer' | 'sellers' | 'buyers'> &
  Partial<
    Pick<Dossier, 'inheritance' | 'mortgage' | 'mortgageRelease' | 'purposeChange' | 'house'>
  >;

/** A form checked against the cadastral book, ready to become a dossier. */
export interface PreparedDossier {
  parcel: Parcel;
  /** The citizen IDs of the people the dossier concerns (an online submitter must be one). */
  partyIds: string[];
  fields: ProcedureFields;
  /** Some procedures always annotate the certificate (a mortgage is noted on it). */
  certificateChoice?: CertificateChoice;
}

/**
 * One procedure's intake: the checks the counter officer would make of its form against the
 * cadastral book (refused with field errors, 422), and the dossier fields it gives.
 */
export interface ProcedureForm<D extends DossierFormDto> {
  key: ProcedureKey;
  prepare(dto: D, parcels: ParcelsService): Promise<PreparedDossier>;
}

/** The holders on the certificate, as the parties of a procedure that keeps them. */
export function holdersOf(owners: readonly Owner[]): SellerV1[] {
  return owners.map((o) => ({
    fullName: o.fullName,
    citizenId: o.citizenId,
    address: o.address,
    shareNumerator: o.shareNumerator,
    shareDenominator: o.shareDenominator,
    relationshipToBuyer: 'NONE',
  }));
}

import type {
  HouseSlipSentV1,
  PurposeChangeSlipSentV1,
  TransferSlipSentV1,
} from '@lien-thong/contracts';

/**
 * A slip from the land office, whatever the procedure: a transfer (an inheritance included),
 * a change of land-use purpose, or a house registration. Every kind goes the same way:
 * evaluate, file with e-tax, one payment order, ObligationsAssessed (or the slip returned);
 * a dossier's slip revisions are one sequence whatever their kind.
 */
export type Slip =
  | { kind: 'TRANSFER'; payload: TransferSlipSentV1 }
  | { kind: 'PURPOSE_CHANGE'; payload: PurposeChangeSlipSentV1 }
  | { kind: 'HOUSE'; payload: HouseSlipSentV1 };

export type SlipKind = Slip['kind'];
export type SlipPayload = Slip['payload'];
export const SLIP_KINDS: readonly SlipKind[] = ['TRANSFER', 'PURPOSE_CHANGE', 'HOUSE'];

/**
 * Who may read the assessment: tax officers of the parcel's province, and the people the
 * slip names (sellers, buyers and heirs; land users; owners), each by their citizen ID.
 */
export function accessOf(slip: Slip): { provinceCode: string; taxpayerIds: string[] } {
  const people = ((): { citizenId: string }[] => {
    switch (slip.kind) {
      case 'TRANSFER':
        return [...slip.payload.sellers, ...slip.payload.buyers, ...(slip.payload.heirs ?? [])];
      case 'PURPOSE_CHANGE':
        return slip.payload.landUsers;
      case 'HOUSE':
        return slip.payload.owners;
    }
  })();
  return {
    provinceCode: slip.payload.parcel.provinceCode,
    taxpayerIds: [...new Set(people.map((p) => p.citizenId))],
  };
}

import type { EncumbranceV1, MortgageV1 } from '@lien-thong/contracts';

/**
 * The registry's answer with the land office's own mortgages on the parcel. A clear parcel
 * under a mortgage the land office registered is MORTGAGED with it; a hold (BLOCKED) or a
 * dispute (DISPUTED) outranks a mortgage, and a mortgage the registry already reports is
 * its own answer: either stays as the registry gave it.
 */
export function withLandOfficeMortgage(
  registry: EncumbranceV1,
  mortgage: MortgageV1 | null,
): EncumbranceV1 {
  if (!mortgage || registry.status !== 'CLEAR') return registry;
  return { ...registry, status: 'MORTGAGED', mortgage };
}

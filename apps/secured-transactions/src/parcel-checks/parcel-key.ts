import type { ParcelRefV1 } from '@lien-thong/contracts';

/** commune/map sheet/parcel: how a parcel is named in the cadastre, as one key. */
export function parcelKey(parcel: ParcelRefV1): string {
  return `${parcel.communeCode}/${parcel.mapSheetNumber}/${parcel.parcelNumber}`;
}

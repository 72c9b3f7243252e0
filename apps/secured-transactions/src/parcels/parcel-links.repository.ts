import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@lien-thong/platform';
import { ParcelLink, ParcelLinkKind } from './schemas/parcel-link.schema';

/** Links that can ever be on one parcel, and attempts to take a number: far beyond real use. */
const MAX_LINKS = 10_000;
const MAX_ATTEMPTS = 10;

const linkId = (parcelKey: string, n: number) => `${parcelKey}#${n}`;

@Injectable()
export class ParcelLinksRepository {
  constructor(@InjectModel(ParcelLink.name) private readonly links: Model<ParcelLink>) {}

  /** The ids of what of `kind` is linked to the parcel, in the order linked. */
  async refs(parcelKey: string, kind: ParcelLinkKind): Promise<string[]> {
    return (await this.all(parcelKey)).filter((l) => l.kind === kind).map((l) => l.ref);
  }

  /**
   * Links `ref` to the parcel once (a repeat finds it), before what it names is written, so
   * that a check finds it as soon as it is there. The number is taken by an insert with a
   * unique _id, atomic on FerretDB too: of two instances linking at once, the second reads
   * the parcel's links again and takes the next number.
   */
  async link(parcelKey: string, kind: ParcelLinkKind, ref: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const known = await this.all(parcelKey);
      if (known.some((l) => l.kind === kind && l.ref === ref)) return;
      try {
        await this.links.create({ _id: linkId(parcelKey, known.length + 1), kind, ref });
        return;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    throw new Error(`could not link ${kind} ${ref} to its parcel in ${MAX_ATTEMPTS} attempts`);
  }

  private async all(parcelKey: string): Promise<ParcelLink[]> {
    const found: ParcelLink[] = [];
    for (let n = 1; n <= MAX_LINKS; n++) {
      const link = await this.links.findById(linkId(parcelKey, n)).lean<ParcelLink>().exec();
      if (!link) return found;
      found.push(link);
    }
    throw new Error(`parcel ${parcelKey} has more than ${MAX_LINKS} links`);
  }
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '@lien-thong/platform';
import { partyFilter } from '../dossiers/dossier-access';
import { decodeCursor, encodeCursor } from '../dossier-list/dossier-list-query';
import { DossierNotFoundException } from '../dossiers/dossiers.exceptions';
import { citizenDossierItem } from './citizen-dossier-item';
import { CitizenDossiersRepository } from './citizen-dossiers.repository';

const DEFAULT_LIMIT = 20;

/** "Hồ sơ của tôi": the logged-in citizen's dossiers, as applicant or any party. */
@Injectable()
export class CitizenDossiersService {
  constructor(private readonly repository: CitizenDossiersRepository) {}

  async list(actor: Actor, query: { limit?: number; cursor?: string }) {
    // A citizen account without an ID (never issued by VNeID) has no dossiers.
    if (!actor.citizenId) return { items: [], nextCursor: null };
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const and: Record<string, unknown>[] = [partyFilter(actor.citizenId)];
    if (after)
      and.push({
        $or: [
          { receivedAt: { $lt: after.receivedAt } },
          { receivedAt: after.receivedAt, _id: { $lt: after.code } },
        ],
      });
    // One more than asked: whether there is a next page, without counting.
    const rows = await this.repository.page({ $and: and }, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(citizenDossierItem),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ receivedAt: last.receivedAt, code: last._id })
          : null,
    };
  }

  /** One dossier the citizen is a party of; any other is "not found", never "forbidden". */
  async one(actor: Actor, code: string) {
    const [row] = actor.citizenId
      ? await this.repository.page({ $and: [{ _id: code }, partyFilter(actor.citizenId)] }, 1)
      : [];
    if (!row) throw new DossierNotFoundException();
    return citizenDossierItem(row);
  }
}

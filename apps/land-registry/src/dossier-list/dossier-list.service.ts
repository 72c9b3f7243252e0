import { Injectable } from '@nestjs/common';
import { AuditLog } from '@lien-thong/audit';
import type { Actor } from '@lien-thong/platform';
import { DossierListRepository } from './dossier-list.repository';
import {
  decodeCursor,
  encodeCursor,
  listFilter,
  ListFilters,
  searchKind,
} from './dossier-list-query';
import { dossierRow } from './dossier-row';

const DEFAULT_LIMIT = 20;

/** The officers' list of the dossiers their unit covers or received. */
@Injectable()
export class DossierListService {
  constructor(
    private readonly repository: DossierListRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(
    actor: Actor,
    query: ListFilters & { limit?: number; cursor?: string },
    ip: string,
    now = new Date(),
  ) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const filter = listFilter(actor.unit ?? '-', query, now, after);
    // One more than asked: whether there is a next page, without counting.
    const rows = await this.repository.page(filter, limit + 1);
    const page = rows.slice(0, limit);
    const byId = query.q && searchKind(query.q) === 'citizenId' ? query.q : undefined;
    // Looking a person up by ID is recorded, like a full read (the log masks the ID).
    if (byId)
      await this.audit.record({
        actor,
        action: 'DOSSIER.SEARCHED_BY_CITIZEN_ID',
        ip,
        details: { citizenId: byId, found: page.map((d) => d._id) },
      });
    const last = page.at(-1);
    return {
      items: page.map((d) => dossierRow(d, now, byId)),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ receivedAt: last.receivedAt, code: last._id })
          : null,
    };
  }
}

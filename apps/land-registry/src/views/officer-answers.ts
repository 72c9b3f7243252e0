import { Injectable } from '@nestjs/common';
import { AuditLog } from '@lien-thong/audit';
import type { Actor } from '@lien-thong/platform';
import { DocumentsService } from '../documents/documents.service';
import { Dossier } from '../dossiers/dossier';
import { DossierReadsService } from './dossier-reads.service';
import { officerView } from './dossier-views';

/**
 * How an officer is answered after an action or a full read: recorded in the audit log first
 * (the log must hold it), then the dossier as officers see it, with its messages and documents.
 */
@Injectable()
export class OfficerAnswers {
  constructor(
    private readonly reads: DossierReadsService,
    private readonly audit: AuditLog,
    private readonly documents: DocumentsService,
  ) {}

  async done(
    d: Dossier,
    actor: Actor,
    action: string,
    ip: string,
    details?: Record<string, unknown>,
  ) {
    await this.audit.record({ actor, action, dossierCode: d._id, ip, details });
    const [messages, documents] = await Promise.all([
      this.reads.messagesOf(d._id),
      this.documents.of(d),
    ]);
    return officerView(d, messages, documents);
  }
}

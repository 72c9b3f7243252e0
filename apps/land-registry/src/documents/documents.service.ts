import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { mongo } from 'mongoose';
import { AuditLog } from '@lien-thong/audit';
import { Actor, Role } from '@lien-thong/platform';
import { assertOfficerOf, audienceFor } from '../dossiers/dossier-access';
import { Dossier, FINISHED } from '../dossiers/dossier';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { STATUS_VI } from '../workflow/transition';
import { kindVi } from './document-kinds';
import type { UploadedDocument } from './document-upload.interceptor';
import {
  DocumentInfectedException,
  DocumentKindUnknownException,
  DocumentMissingException,
  DocumentNotFoundException,
  DocumentTypeNotAllowedException,
  DossierFinishedException,
  ScanUnavailableException,
  TooManyDocumentsException,
} from './documents.exceptions';
import { DocumentsRepository, StoredDocument } from './documents.repository';
import { safeFileName, sniffType } from './file-type';
import { ScanUnavailableError, VIRUS_SCANNER, type VirusScanner } from './virus-scanner';

/** Documents per dossier at most: a procedure's checklist has under ten, with some pages each. */
export const MAX_DOCUMENTS = 20;

const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * The documents of a dossier: added by a citizen party or a counter officer of its unit while
 * it is handled, read by its parties and its officers. Every upload and download is recorded
 * in the audit log; the log never holds the file name (it may name a person).
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly documents: DocumentsRepository,
    private readonly audit: AuditLog,
    @Inject(VIRUS_SCANNER) private readonly scanner: VirusScanner,
  ) {}

  async upload(
    code: string,
    kind: string,
    file: UploadedDocument | undefined,
    actor: Actor,
    ip: string,
  ) {
    const dossier = await this.dossiers.existing(code);
    const uploadedBy = this.uploaderOf(actor, dossier);
    if (FINISHED.includes(dossier.status))
      throw new DossierFinishedException(dossier.status, STATUS_VI[dossier.status]);
    const nameVi = kindVi(dossier, kind);
    if (!nameVi) throw new DocumentKindUnknownException();
    if (!file || file.size === 0) throw new DocumentMissingException();
    const type = sniffType(file.buffer);
    if (!type) throw new DocumentTypeNotAllowedException();
    if ((await this.documents.countFor(code)) >= MAX_DOCUMENTS)
      throw new TooManyDocumentsException(MAX_DOCUMENTS);
    const fileName = safeFileName(file.originalname, type);
    await this.scan(file.buffer, fileName, dossier, kind, actor, ip);
    const stored = await this.documents.save(file.buffer, fileName, {
      dossierCode: code,
      kind,
      contentType: type,
      uploadedBy,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
    });
    await this.audit.record({
      actor,
      action: 'DOCUMENT.UPLOADED',
      dossierCode: code,
      ip,
      details: { documentId: stored._id.toHexString(), kind, size: stored.length, type },
    });
    return view(stored, nameVi);
  }

  async list(code: string, actor: Actor) {
    const dossier = await this.dossiers.existing(code);
    audienceFor(actor, dossier);
    return { items: await this.of(dossier) };
  }

  /** The dossier's documents, oldest first, for a reader whose access is already checked. */
  async of(dossier: Dossier) {
    const stored = await this.documents.listFor(dossier._id);
    return stored.map((s) => view(s, kindVi(dossier, s.metadata.kind) ?? s.metadata.kind));
  }

  async download(
    code: string,
    documentId: string,
    actor: Actor,
    ip: string,
  ): Promise<{ stream: Readable; fileName: string; contentType: string; size: number }> {
    const dossier = await this.dossiers.existing(code);
    audienceFor(actor, dossier);
    if (!OBJECT_ID.test(documentId)) throw new DocumentNotFoundException();
    const stored = await this.documents.find(code, new mongo.ObjectId(documentId));
    if (!stored) throw new DocumentNotFoundException();
    await this.audit.record({
      actor,
      action: 'DOCUMENT.DOWNLOADED',
      dossierCode: code,
      ip,
      details: { documentId, kind: stored.metadata.kind },
    });
    return {
      stream: this.documents.open(stored._id),
      fileName: stored.filename,
      contentType: stored.metadata.contentType,
      size: stored.length,
    };
  }

  /** A citizen party, or a counter officer of the dossier's unit; anyone else: 404 or 403. */
  private uploaderOf(actor: Actor, dossier: Dossier): 'CITIZEN' | 'COUNTER' {
    if (audienceFor(actor, dossier) === 'party') return 'CITIZEN';
    assertOfficerOf(actor, dossier, [Role.CounterOfficer]);
    return 'COUNTER';
  }

  /** Refused when infected (recorded, nothing stored) or when no verdict can be had. */
  private async scan(
    content: Buffer,
    fileName: string,
    dossier: Dossier,
    kind: string,
    actor: Actor,
    ip: string,
  ): Promise<void> {
    let verdict;
    try {
      verdict = await this.scanner.scan(content, fileName);
    } catch (err) {
      if (err instanceof ScanUnavailableError) throw new ScanUnavailableException();
      throw err;
    }
    if (verdict === 'CLEAN') return;
    await this.audit.record({
      actor,
      action: 'DOCUMENT.REFUSED_INFECTED',
      dossierCode: dossier._id,
      ip,
      details: { kind, size: content.length },
    });
    throw new DocumentInfectedException();
  }
}

function view(s: StoredDocument, nameVi: string) {
  return {
    documentId: s._id.toHexString(),
    kind: s.metadata.kind,
    kindVi: nameVi,
    fileName: s.filename,
    contentType: s.metadata.contentType,
    size: s.length,
    uploadedAt: s.uploadDate,
    uploadedBy: s.metadata.uploadedBy,
  };
}

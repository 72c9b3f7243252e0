import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Connection, mongo } from 'mongoose';
import type { DocumentType } from './file-type';

/** The bucket's name: collections `dossierDocuments.files` and `dossierDocuments.chunks`. */
export const DOCUMENTS_BUCKET = 'dossierDocuments';

export interface DocumentMetadata {
  dossierCode: string;
  kind: string;
  contentType: DocumentType;
  uploadedBy: 'CITIZEN' | 'COUNTER';
  /** SHA-256 of the content, hex: what was received is what is handed back. */
  sha256: string;
}

export interface StoredDocument {
  _id: mongo.ObjectId;
  filename: string;
  length: number;
  uploadDate: Date;
  metadata: DocumentMetadata;
}

/**
 * The dossiers' documents in GridFS on the service's own database connection: the bytes in
 * chunks, a files entry per document with the dossier it belongs to.
 */
@Injectable()
export class DocumentsRepository implements OnModuleInit {
  private readonly log = new Logger('documents');
  private readonly bucket: mongo.GridFSBucket;
  private readonly files: mongo.Collection<StoredDocument>;

  constructor(@InjectConnection() connection: Connection) {
    if (!connection.db) throw new Error('documents need an open database connection');
    this.bucket = new mongo.GridFSBucket(connection.db, { bucketName: DOCUMENTS_BUCKET });
    this.files = connection.db.collection<StoredDocument>(`${DOCUMENTS_BUCKET}.files`);
  }

  async onModuleInit(): Promise<void> {
    // A dossier's documents are listed and counted by the dossier code.
    await this.files
      .createIndex({ 'metadata.dossierCode': 1, uploadDate: 1 })
      .catch((err: unknown) =>
        this.log.warn(`could not create the documents index: ${String(err)}`),
      );
  }

  countFor(dossierCode: string): Promise<number> {
    return this.files.countDocuments({ 'metadata.dossierCode': dossierCode });
  }

  listFor(dossierCode: string): Promise<StoredDocument[]> {
    return this.files
      .find({ 'metadata.dossierCode': dossierCode })
      .sort({ uploadDate: 1, _id: 1 })
      .toArray();
  }

  /** The document, only if it belongs to this dossier. */
  find(dossierCode: string, id: mongo.ObjectId): Promise<StoredDocument | null> {
    return this.files.findOne({ _id: id, 'metadata.dossierCode': dossierCode });
  }

  async save(
    content: Buffer,
    fileName: string,
    metadata: DocumentMetadata,
  ): Promise<StoredDocument> {
    const upload = this.bucket.openUploadStream(fileName, { metadata });
    upload.end(content);
    await finished(upload);
    return {
      _id: upload.id,
      filename: fileName,
      length: content.length,
      uploadDate: upload.gridFSFile?.uploadDate ?? new Date(),
      metadata,
    };
  }

  open(id: mongo.ObjectId): Readable {
    return this.bucket.openDownloadStream(id);
  }
}

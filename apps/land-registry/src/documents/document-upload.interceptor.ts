import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { SERVICE_CONFIG } from '@lien-thong/platform';
import type { LandRegistryConfig } from '../config/land-registry.config';
import { DocumentTooLargeException, UploadInvalidException } from './documents.exceptions';

/** The uploaded file as multer hands it over (kept in memory: at most DOCUMENT_MAX_BYTES). */
export interface UploadedDocument {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * Reads the multipart body: one file in `file` (kept in memory, refused beyond the configured
 * size while it is still arriving) and the text field `kind`. Runs after the guards, so only
 * an authorised caller's body is read at all. Multer's English errors become domain errors.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly inner: NestInterceptor;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: LandRegistryConfig) {
    const Upload = FileInterceptor('file', {
      limits: {
        fileSize: config.DOCUMENT_MAX_BYTES,
        files: 1,
        fields: 5,
        fieldSize: 1_000,
        parts: 8,
      },
      // Browsers send the file name as UTF-8 (Vietnamese names), not Latin-1.
      defParamCharset: 'utf8',
    });
    this.inner = new Upload();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.inner.intercept(context, next);
    } catch (err) {
      if (err instanceof PayloadTooLargeException)
        throw new DocumentTooLargeException(this.config.DOCUMENT_MAX_BYTES);
      if (err instanceof BadRequestException || err instanceof UnsupportedMediaTypeException)
        throw new UploadInvalidException();
      throw err;
    }
  }
}

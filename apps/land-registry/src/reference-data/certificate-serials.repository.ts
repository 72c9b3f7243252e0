import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { withDocumentLock } from '@lien-thong/messaging';

/**
 * Serials of the certificates the office issues (Circular 10/2024: two letters and eight
 * digits): "DĐ" is written DD, then the province code and a six-digit number counted per
 * province in the database, so that no two certificates ever share a serial.
 */
@Injectable()
export class CertificateSerialsRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async next(provinceCode: string): Promise<string> {
    const key = `certificate-serial:${provinceCode}`;
    // Locked like the dossier numbers: FerretDB does not make $inc atomic under concurrency.
    const counter = await withDocumentLock(this.connection, `certificate_serials:${key}`, () =>
      this.connection
        .collection<{ _id: string; value: number }>('certificate_serials')
        .findOneAndUpdate(
          { _id: key },
          { $inc: { value: 1 } },
          { upsert: true, returnDocument: 'after' },
        ),
    );
    if (!counter) throw new Error('the certificate serial counter did not answer');
    if (counter.value > 999_999) throw new Error(`certificate serials of ${provinceCode} ran out`);
    return `DD${provinceCode.padStart(2, '0')}${String(counter.value).padStart(6, '0')}`;
  }
}

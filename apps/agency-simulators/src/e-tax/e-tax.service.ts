import { Injectable } from '@nestjs/common';
import { DomainException } from '@lien-thong/platform';
import { ETAX_ERRORS, TaxFilingRequest, TaxFilingResponse } from '@lien-thong/agency-contracts';
import { fingerprint } from '../common/fingerprint';
import { ETaxRepository } from './e-tax.repository';
import { noticeNumber, vietnamYear } from './notice-number';
import { TaxFiling } from './schemas/tax-filing.schema';
import { mustExist } from '../common/must-exist';

/** What a filing lacks for the tax office to issue notices (trả lại để bổ sung). */
export function missingFromFiling(request: TaxFilingRequest): string[] {
  return [
    ...(request.taxpayer.name.trim() === '' ? ['taxpayer.name'] : []),
    ...(request.taxpayer.taxCode === '' ? ['taxpayer.taxCode'] : []),
    ...(request.obligations.length === 0 ? ['obligations'] : []),
  ];
}

function toResponse(filing: TaxFiling): TaxFilingResponse {
  return {
    filingId: filing._id,
    dossierCode: filing.dossierCode,
    notices: filing.notices.map((notice) => ({ ...notice })),
    receivedAt: filing.receivedAt,
    status: filing.voidedAt ? 'VOIDED' : 'FILED',
    ...(filing.voidedAt && { voidedAt: filing.voidedAt }),
    ...(filing.voidReason && { voidReason: filing.voidReason }),
  };
}

@Injectable()
export class ETaxService {
  constructor(private readonly repository: ETaxRepository) {}

  /** One notice per obligation line; the same filing again answers the same notices. */
  async file(request: TaxFilingRequest): Promise<TaxFilingResponse> {
    const missing = missingFromFiling(request);
    if (missing.length > 0) {
      throw new DomainException(
        ETAX_ERRORS.FILING_INCOMPLETE,
        'Hồ sơ khai thuế chưa đầy đủ thông tin, đề nghị bổ sung và gửi lại',
        422,
        { missing },
      );
    }
    const requestHash = fingerprint(request);
    const existing = await this.repository.find(request.filingId);
    if (existing) return this.replay(existing, requestHash);

    const received = new Date();
    const year = vietnamYear(received);
    const sequences = await this.repository.claimNoticeNumbers(
      year,
      request.obligations.length,
      request.filingId,
    );
    const filing: TaxFiling = {
      _id: request.filingId,
      requestHash,
      dossierCode: request.dossierCode,
      taxpayer: { ...request.taxpayer },
      notices: request.obligations.map((line, index) => ({
        noticeNumber: noticeNumber(line.code, year, sequences[index]),
        code: line.code,
        amountVnd: line.amountVnd,
        dueDate: line.dueDate,
      })),
      receivedAt: received.toISOString(),
    };
    if (await this.repository.insert(filing)) return toResponse(filing);
    const winner = await this.repository.find(request.filingId);
    return this.replay(mustExist(winner, `filing ${request.filingId}`), requestHash);
  }

  async get(filingId: string): Promise<TaxFilingResponse> {
    return toResponse(await this.findOrThrow(filingId));
  }

  /**
   * Voids a filing and every notice it issued (the dossier was refused or withdrawn, or a
   * corrected slip replaces it). Idempotent: a voided filing answers as it was voided first.
   */
  async void(filingId: string, reason: string): Promise<TaxFilingResponse> {
    const filing = await this.findOrThrow(filingId);
    if (filing.voidedAt) return toResponse(filing);
    const voided = await this.repository.void(filingId, {
      _id: filingId,
      voidedAt: new Date().toISOString(),
      reason,
    });
    return toResponse(voided);
  }

  private async findOrThrow(filingId: string): Promise<TaxFiling> {
    const filing = await this.repository.find(filingId);
    if (!filing) {
      throw new DomainException(
        ETAX_ERRORS.FILING_NOT_FOUND,
        'Không tìm thấy hồ sơ khai thuế với mã đã cho',
        404,
      );
    }
    return filing;
  }

  private replay(filing: TaxFiling, requestHash: string): TaxFilingResponse {
    if (filing.requestHash !== requestHash) {
      throw new DomainException(
        ETAX_ERRORS.FILING_ID_REUSED,
        'Mã hồ sơ khai thuế đã được dùng cho một hồ sơ khác',
        409,
      );
    }
    return toResponse(filing);
  }
}

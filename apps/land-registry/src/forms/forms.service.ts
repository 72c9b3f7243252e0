import { Injectable } from '@nestjs/common';
import { AuditLog } from '@lien-thong/audit';
import type { Actor } from '@lien-thong/platform';
import { audienceFor } from '../dossiers/dossier-access';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { formContent, FormKind } from './form-content';
import { renderForm } from './form-pdf';

export interface PrintedForm {
  pdf: Buffer;
  fileNameVi: string;
}

/**
 * The printable forms of a dossier, for its officers and for a citizen party (who reads the
 * letters addressed to the applicant: receipt, supplement request, refusal, apology, tax
 * notice). Each print is recorded in the audit log, like a full read.
 */
@Injectable()
export class FormsService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly audit: AuditLog,
  ) {}

  async print(code: string, kind: FormKind, actor: Actor, ip: string): Promise<PrintedForm> {
    const dossier = await this.dossiers.existing(code);
    const audience = audienceFor(actor, dossier);
    const form = formContent(kind, dossier, audience === 'party');
    const pdf = await renderForm(form, dossier.unit);
    await this.audit.record({
      actor,
      action: 'DOSSIER.FORM_PRINTED',
      dossierCode: dossier._id,
      ip,
      details: { form: kind, number: form.number },
    });
    return { pdf, fileNameVi: form.fileNameVi };
  }
}

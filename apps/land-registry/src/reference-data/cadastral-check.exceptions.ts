import { DomainException, FieldError } from '@lien-thong/platform';

export type TransferFieldError = FieldError;

/** The dossier does not match the cadastral book: 422 with one Vietnamese message per field. */
export class TransferRejectedException extends DomainException {
  constructor(readonly errors: TransferFieldError[]) {
    super('DOSSIER.INVALID', 'Hồ sơ không khớp với sổ địa chính', 422, { errors });
  }
}

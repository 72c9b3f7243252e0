import { DomainException, FieldError } from '@lien-thong/platform';

export type TransferFieldError = FieldError;

/** The dossier does not match the cadastral book: 422 with one Vietnamese message per field. */
export class TransferRejectedException extends DomainException {
  constructor(readonly errors: TransferFieldError[]) {
    super('DOSSIER.INVALID', 'Hồ sơ không khớp với sổ địa chính', 422, { errors });
  }
}

export class DossierNotFoundException extends DomainException {
  constructor() {
    super('DOSSIER.NOT_FOUND', 'Không tìm thấy hồ sơ', 404);
  }
}

/** An officer action that the dossier's current step does not allow. */
export class DossierStateException extends DomainException {
  constructor(action: string, status: string) {
    super(
      'DOSSIER.INVALID_STATE',
      `Không thể ${action} khi hồ sơ đang ở trạng thái ${status}`,
      409,
      { status },
    );
  }
}

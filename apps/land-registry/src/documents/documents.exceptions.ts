import { DomainException } from '@lien-thong/platform';

/** A field-level error, shown next to the upload field it concerns. */
const onField = (field: string, code: string, message: string) => ({
  errors: [{ field, code, message }],
});

export class DocumentTypeNotAllowedException extends DomainException {
  constructor() {
    const message = 'Chỉ nhận tệp PDF, JPEG hoặc PNG; nội dung tệp này không thuộc các loại đó';
    super(
      'DOCUMENT.TYPE_NOT_ALLOWED',
      message,
      422,
      onField('file', 'DOCUMENT.TYPE_NOT_ALLOWED', message),
    );
  }
}

export class DocumentTooLargeException extends DomainException {
  constructor(maxBytes: number) {
    const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
    const message = `Tệp vượt quá dung lượng cho phép (tối đa ${mb.toLocaleString('vi-VN')} MB)`;
    super('DOCUMENT.TOO_LARGE', message, 413, {
      maxBytes,
      ...onField('file', 'DOCUMENT.TOO_LARGE', message),
    });
  }
}

export class DocumentInfectedException extends DomainException {
  constructor() {
    const message = 'Tệp có chứa mã độc (virus) nên không được tiếp nhận';
    super('DOCUMENT.INFECTED', message, 422, onField('file', 'DOCUMENT.INFECTED', message));
  }
}

export class ScanUnavailableException extends DomainException {
  constructor() {
    super(
      'DOCUMENT.SCAN_UNAVAILABLE',
      'Hệ thống kiểm tra virus đang tạm ngừng nên chưa nhận được tệp; vui lòng gửi lại sau ít phút',
      503,
    );
  }
}

export class DocumentMissingException extends DomainException {
  constructor() {
    const message = 'Chưa chọn tệp giấy tờ để tải lên';
    super('DOCUMENT.FILE_MISSING', message, 422, onField('file', 'DOCUMENT.FILE_MISSING', message));
  }
}

export class DocumentKindUnknownException extends DomainException {
  constructor() {
    const message = 'Loại giấy tờ không có trong thành phần hồ sơ của thủ tục này';
    super('DOCUMENT.KIND_UNKNOWN', message, 422, onField('kind', 'DOCUMENT.KIND_UNKNOWN', message));
  }
}

export class TooManyDocumentsException extends DomainException {
  constructor(max: number) {
    super('DOCUMENT.TOO_MANY', `Mỗi hồ sơ có tối đa ${max} tệp giấy tờ`, 409, { max });
  }
}

export class DocumentNotFoundException extends DomainException {
  constructor() {
    super('DOCUMENT.NOT_FOUND', 'Không tìm thấy giấy tờ', 404);
  }
}

/** Documents are added while the dossier is being handled, not once it has ended. */
export class DossierFinishedException extends DomainException {
  constructor(status: string, statusVi: string) {
    super('DOSSIER.FINISHED', `Hồ sơ đã kết thúc (${statusVi}); không thể nộp thêm giấy tờ`, 409, {
      status,
    });
  }
}

/** The multipart request itself is malformed (several files, unknown parts…). */
export class UploadInvalidException extends DomainException {
  constructor() {
    super(
      'DOCUMENT.UPLOAD_INVALID',
      'Yêu cầu tải lên không hợp lệ: gửi một tệp ở trường "file" và loại giấy tờ ở trường "kind"',
      400,
    );
  }
}

import { DomainException } from '@lien-thong/platform';

export const AssessmentErrorCode = {
  NOT_FOUND: 'ASSESSMENT.NOT_FOUND',
} as const;

export class AssessmentException extends DomainException {}

export function assessmentNotFound(dossierCode: string): AssessmentException {
  return new AssessmentException(
    AssessmentErrorCode.NOT_FOUND,
    'Chưa có kết quả xác định nghĩa vụ tài chính cho hồ sơ này',
    404,
    { dossierCode },
  );
}

import { ApiParam } from '@nestjs/swagger';
import { DomainException } from '@lien-thong/platform';
import { DOSSIER_CODE_PATTERN } from './dto/dossier-views.dto';

const CODE = new RegExp(DOSSIER_CODE_PATTERN);

/** The code in the path: anything else is answered as an unknown code (404). */
export function dossierCode(code: string): string {
  if (!CODE.test(code)) throw new DomainException('DOSSIER.NOT_FOUND', 'Không tìm thấy hồ sơ', 404);
  return code;
}

/** The `:code` path parameter in the API description. */
export const CodeParam = () =>
  ApiParam({ name: 'code', schema: { type: 'string', pattern: DOSSIER_CODE_PATTERN } });

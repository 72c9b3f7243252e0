import { Controller, Get, Ip, Param, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, DomainException, Role, Roles } from '@lien-thong/platform';
import { LAND_OFFICE_ROLES } from '../dossiers/dossier-access';
import { CodeParam, dossierCode } from '../views/code-param';
import { contentDisposition } from './content-disposition';
import { FormKind, FORMS } from './form-content';
import { FormsService } from './forms.service';

/**
 * The dossier's printable forms as PDF (Circular 01/2018/TT-VPCP forms 01–04, tax notices, the
 * result notice), for its officers and its citizen parties (FormsService decides).
 */
@ApiTags('dossiers (one-stop counter and online)')
@Controller()
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Get('dossiers/:code/forms/:form')
  @Roles(...LAND_OFFICE_ROLES, Role.Citizen)
  @CodeParam()
  @ApiParam({ name: 'form', schema: { type: 'string', enum: [...FORMS] } })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'Mẫu in (PDF, phông chữ tiếng Việt nhúng trong tệp)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiConflictResponse({
    description: 'Mẫu chưa áp dụng ở bước này của hồ sơ (FORM.NOT_APPLICABLE)',
  })
  async print(
    @Param('code') code: string,
    @Param('form') form: string,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const kind = formKind(form);
    const printed = await this.forms.print(dossierCode(code), kind, actor, ip);
    return new StreamableFile(printed.pdf, {
      type: 'application/pdf',
      disposition: contentDisposition('inline', printed.fileNameVi),
    });
  }
}

function formKind(form: string): FormKind {
  if ((FORMS as readonly string[]).includes(form)) return form as FormKind;
  throw new DomainException('FORM.NOT_FOUND', 'Không có mẫu in này', 404);
}

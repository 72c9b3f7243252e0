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
import { FormKind, FORMS } from './form-content';
import { FormsService } from './forms.service';

/** An ASCII stand-in for clients that do not read RFC 5987 file names. */
const ascii = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.-]+/g, '-');

/** The dossier's printable forms as PDF (Circular 01/2018/TT-VPCP forms 01–04, tax notices). */
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
      disposition: `inline; filename="${ascii(printed.fileNameVi)}"; filename*=UTF-8''${encodeURIComponent(printed.fileNameVi)}`,
    });
  }
}

function formKind(form: string): FormKind {
  if ((FORMS as readonly string[]).includes(form)) return form as FormKind;
  throw new DomainException('FORM.NOT_FOUND', 'Không có mẫu in này', 404);
}

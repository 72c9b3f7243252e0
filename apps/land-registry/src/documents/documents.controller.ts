import {
  Body,
  Controller,
  Get,
  Ip,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@lien-thong/platform';
import { LAND_OFFICE_ROLES } from '../dossiers/dossier-access';
import { contentDisposition } from '../forms/content-disposition';
import { CodeParam, dossierCode } from '../views/code-param';
import { DocumentUploadInterceptor, UploadedDocument } from './document-upload.interceptor';
import { DocumentsService } from './documents.service';
import { DocumentListView, DocumentView } from './dto/document-view.dto';
import { UploadDocumentDto } from './dto/upload-document.dto';
import { DOCUMENT_TYPES } from './file-type';

/** The documents of a dossier (thành phần hồ sơ), stored by the land registry in GridFS. */
@ApiTags('dossiers (one-stop counter and online)')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('dossiers/:code/documents')
  @Roles(Role.CounterOfficer, Role.Citizen)
  @UseInterceptors(DocumentUploadInterceptor)
  @CodeParam()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'PDF, JPEG hoặc PNG, tối đa 10 MB' },
        kind: { type: 'string', description: 'Mã thành phần hồ sơ của thủ tục' },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiPayloadTooLargeResponse({
    description: 'Tệp vượt quá dung lượng cho phép (DOCUMENT.TOO_LARGE)',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Tệp không phải PDF/JPEG/PNG (DOCUMENT.TYPE_NOT_ALLOWED), có mã độc (DOCUMENT.INFECTED), thiếu tệp hoặc loại giấy tờ không thuộc thủ tục',
  })
  @ApiConflictResponse({ description: 'Hồ sơ đã kết thúc (DOSSIER.FINISHED) hoặc đã đủ 20 tệp' })
  @ApiServiceUnavailableResponse({
    description: 'Chưa quét virus được, tệp không được lưu (DOCUMENT.SCAN_UNAVAILABLE)',
  })
  upload(
    @Param('code') code: string,
    @Body() body: UploadDocumentDto,
    @UploadedFile() file: UploadedDocument | undefined,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    return this.documents.upload(dossierCode(code), body.kind, file, actor, ip);
  }

  @Get('dossiers/:code/documents')
  @Roles(...LAND_OFFICE_ROLES, Role.Citizen)
  @CodeParam()
  @ApiOkResponse({ type: DocumentListView })
  list(@Param('code') code: string, @CurrentActor() actor: Actor) {
    return this.documents.list(dossierCode(code), actor);
  }

  @Get('dossiers/:code/documents/:documentId')
  @Roles(...LAND_OFFICE_ROLES, Role.Citizen)
  @CodeParam()
  @ApiParam({ name: 'documentId', schema: { type: 'string', pattern: '^[0-9a-f]{24}$' } })
  @ApiProduces(...DOCUMENT_TYPES)
  @ApiOkResponse({
    description: 'Tệp giấy tờ, đúng như đã tải lên',
    content: Object.fromEntries(
      DOCUMENT_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  async download(
    @Param('code') code: string,
    @Param('documentId') documentId: string,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ) {
    const file = await this.documents.download(dossierCode(code), documentId, actor, ip);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.size,
      disposition: contentDisposition('attachment', file.fileName),
    });
  }
}

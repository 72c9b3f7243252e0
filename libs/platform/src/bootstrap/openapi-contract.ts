import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { applyValidatorContracts } from '../openapi/validator-contracts';

type Json = Record<string, unknown>;

/** The body of every 4xx/5xx answer (ErrorBody), as the HTTP filter writes it. */
export const ERROR_BODY_SCHEMA: Json = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    code: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9_]*(\\.[A-Z0-9_]+)*$',
      description: 'Stable English code, e.g. DOSSIER.NOT_FOUND',
    },
    message: { type: 'string', description: 'Vietnamese, for the person who reads it' },
    errors: {
      type: 'array',
      description: 'One entry per invalid field (validation)',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: {
          field: { type: 'string' },
          code: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
    details: { type: 'object', additionalProperties: true },
  },
};

const DESCRIPTION: Record<string, string> = {
  '400': 'Dữ liệu không hợp lệ: VALIDATION.FAILED (lỗi theo từng trường), REQUEST.MALFORMED_JSON…',
  '401':
    'Chưa đăng nhập, mã truy cập không hợp lệ hoặc chữ ký sai (AUTH.UNAUTHENTICATED, WEBHOOK.SIGNATURE_INVALID)',
  '403': 'Vai trò hoặc đơn vị không được phép (AUTH.FORBIDDEN, AUTH.OTHER_UNIT…)',
  '404': 'Không tìm thấy, hoặc người gọi không được biết là có (… .NOT_FOUND)',
  '409': 'Trạng thái hiện tại không cho phép thao tác này',
  '413': 'Dữ liệu gửi lên quá 1 MB (REQUEST.TOO_LARGE)',
  '415': 'Bảng mã hoặc kiểu nén không được hỗ trợ',
  '422': 'Dữ liệu hợp lệ nhưng không thể xử lý (mã lỗi nghiệp vụ)',
  '429': 'Quá nhiều yêu cầu; thử lại sau',
  '503': 'Dịch vụ đang dừng hoặc một phụ thuộc không sẵn sàng',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Completes what the decorators leave out, the same way for every operation of a service:
 * request and response classes and parameter classes get what their validators enforce
 * (applyValidatorContracts); every error status the platform itself can answer (validation, parsing, body size,
 * authentication, routing) is declared, and every error answer has the ErrorBody schema.
 * Statuses only a route's logic answers (409, 422, 429…) it declares itself.
 */
export function completeOpenApi(document: OpenAPIObject, app?: INestApplication): OpenAPIObject {
  if (app) applyValidatorContracts(app, document);
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas['ErrorBody'] = ERROR_BODY_SCHEMA;
  const errorContent = {
    'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Json)[method] as
        | {
            parameters?: { in: string }[];
            requestBody?: unknown;
            responses: Record<string, Json>;
            security?: unknown[];
          }
        | undefined;
      if (!operation) continue;
      const statuses = new Set<string>();
      const params = operation.parameters ?? [];
      if (params.length > 0 || operation.requestBody) statuses.add('400');
      if (operation.requestBody) ['413', '415'].forEach((s) => statuses.add(s));
      if (params.some((p) => p.in === 'path') || /\{/.test(path)) statuses.add('404');
      if ((operation.security ?? []).length > 0) statuses.add('401');
      for (const status of statuses)
        operation.responses[status] ??= { description: DESCRIPTION[status] };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^[45]\d\d$/.test(status)) continue;
        response['description'] ??= DESCRIPTION[status] ?? 'Lỗi';
        response['content'] ??= errorContent;
      }
    }
  }
  return document;
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, ErrorBody } from './domain-exception';
import { FORBIDDEN_KEY, INVALID_UTF8, TOO_DEEP } from '../bootstrap/json-body';

/**
 * Body-parser errors carry a status and a type. Nest 12 hands them to filters wrapped in an
 * HttpException (the original as its `cause`), so without looking inside, a body over 1 MB
 * was answered "HTTP.413" in English (found by fuzzing the public API).
 */
interface ParserError {
  status?: number;
  type?: string;
  message?: string;
}

function parserErrorOf(exception: unknown): ParserError | undefined {
  const candidates = [exception, exception instanceof HttpException ? exception.cause : undefined];
  return candidates.find(
    (e): e is ParserError =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as ParserError).status === 'number' &&
      typeof (e as ParserError).type === 'string',
  );
}

const PARSER_ERRORS: Record<string, Omit<ErrorBody, 'statusCode'> & { statusCode?: number }> = {
  'entity.too.large': {
    code: 'REQUEST.TOO_LARGE',
    message: 'Dữ liệu gửi lên quá lớn (tối đa 1 MB)',
  },
  // body-parser answers 403 to any body its verify step refuses; bad bytes are a 400.
  [INVALID_UTF8]: {
    statusCode: 400,
    code: 'REQUEST.INVALID_UTF8',
    message: 'Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ',
  },
  [TOO_DEEP]: {
    statusCode: 400,
    code: 'REQUEST.TOO_DEEP',
    message: 'Dữ liệu gửi lên lồng nhau quá nhiều tầng',
  },
  'entity.parse.failed': {
    code: 'REQUEST.MALFORMED_JSON',
    message: 'Dữ liệu gửi lên không phải JSON hợp lệ',
  },
  'charset.unsupported': {
    code: 'REQUEST.UNSUPPORTED_CHARSET',
    message: 'Bảng mã không được hỗ trợ, hãy dùng UTF-8',
  },
  'encoding.unsupported': {
    code: 'REQUEST.UNSUPPORTED_ENCODING',
    message: 'Kiểu nén không được hỗ trợ',
  },
};

/**
 * The one mapping from errors to HTTP answers: domain codes with Vietnamese messages,
 * validation errors per field, and a plain 500 (logged, never leaking internals).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      // Field-level problems travel as `errors`, exactly like validation errors.
      const { errors, ...details } = (exception.details ?? {}) as { errors?: ErrorBody['errors'] };
      return {
        statusCode: exception.httpStatus,
        code: exception.code,
        message: exception.messageVi,
        ...(errors ? { errors } : {}),
        ...(Object.keys(details).length > 0 ? { details } : {}),
      };
    }
    const parser = parserErrorOf(exception);
    if (parser?.type && parser.status && PARSER_ERRORS[parser.type]) {
      if (parser.message?.startsWith(FORBIDDEN_KEY))
        return {
          statusCode: 400,
          code: 'REQUEST.FORBIDDEN_FIELD',
          message: 'Dữ liệu gửi lên có trường không được phép (__proto__, constructor, prototype)',
        };
      return { statusCode: parser.status, ...PARSER_ERRORS[parser.type] };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response) {
        return { ...(response as ErrorBody), statusCode: status };
      }
      return {
        statusCode: status,
        code: `HTTP.${status}`,
        message: status === 404 ? 'Không tìm thấy' : exception.message,
      };
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return {
      statusCode: 500,
      code: 'INTERNAL.ERROR',
      message: 'Hệ thống gặp lỗi, vui lòng thử lại sau',
    };
  }
}

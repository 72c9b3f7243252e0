import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, ErrorBody } from './domain-exception';

/** Body-parser errors carry a status and a type but are not HttpExceptions. */
interface ParserError {
  status?: number;
  type?: string;
}

const PARSER_ERRORS: Record<string, Omit<ErrorBody, 'statusCode'>> = {
  'entity.too.large': { code: 'REQUEST.TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn' },
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
    const parser = exception as ParserError;
    if (parser && typeof parser.status === 'number' && parser.type && PARSER_ERRORS[parser.type]) {
      return { statusCode: parser.status, ...PARSER_ERRORS[parser.type] };
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

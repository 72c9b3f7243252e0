import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorBody, FieldError } from './domain-exception';

/** Vietnamese text for class-validator's built-in constraints, by constraint name. */
const MESSAGES_VI: Record<string, string> = {
  whitelistValidation: 'Trường này không được phép gửi lên',
  isDefined: 'Trường này là bắt buộc',
  isNotEmpty: 'Không được để trống',
  isString: 'Phải là chuỗi ký tự',
  isInt: 'Phải là số nguyên',
  isPositive: 'Phải là số dương',
  min: 'Giá trị quá nhỏ',
  max: 'Giá trị quá lớn',
  isEnum: 'Giá trị không nằm trong danh sách cho phép',
  isIn: 'Giá trị không nằm trong danh sách cho phép',
  isDateString: 'Phải là ngày hợp lệ (YYYY-MM-DD)',
  isISO8601: 'Phải là ngày hợp lệ (YYYY-MM-DD)',
  isBoolean: 'Phải là true hoặc false',
  isArray: 'Phải là danh sách',
  arrayMinSize: 'Danh sách có quá ít phần tử',
  arrayMaxSize: 'Danh sách có quá nhiều phần tử',
  matches: 'Không đúng định dạng',
  maxLength: 'Quá dài',
  minLength: 'Quá ngắn',
  isEmail: 'Phải là địa chỉ thư điện tử hợp lệ',
  isObject: 'Phải là một đối tượng',
  nestedValidation: 'Dữ liệu lồng bên trong không hợp lệ',
};

/** class-validator's English defaults (nested ones found by fuzzing: "each value in nested property buyers …"). */
function isDefaultMessage(message: string, property: string): boolean {
  return [`${property} `, 'property ', 'nested property ', 'each value in '].some((start) =>
    message.startsWith(start),
  );
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, fallback]) => ({
      field,
      code: `VALIDATION.${constraint.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
      // class-validator's English defaults start with the property name; a DTO's own
      // (Vietnamese) message does not, and wins over the table.
      message: isDefaultMessage(fallback, e.property)
        ? (MESSAGES_VI[constraint] ?? 'Giá trị không hợp lệ')
        : fallback,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Global pipe: strips nothing silently (unknown fields are rejected), converts types, and
 * answers 400 with one Vietnamese message per field and a stable code beside it.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const body: ErrorBody = {
        statusCode: 400,
        code: 'VALIDATION.FAILED',
        message: 'Dữ liệu gửi lên không hợp lệ',
        errors: flatten(errors),
      };
      return new BadRequestException(body);
    },
  });
}

import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * A property decorator from a check that names the problem in Vietnamese (null: valid).
 * The message is the one the check gave, so each failure says what is wrong.
 */
export function fieldCheck(
  name: string,
  check: (value: unknown) => string | null,
  options?: ValidationOptions,
) {
  return (target: object, propertyName: string) => {
    let lastMessage = 'Giá trị không hợp lệ';
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message: () => lastMessage, ...options },
      validator: {
        validate(value: unknown) {
          const problem = check(value);
          if (problem) lastMessage = problem;
          return problem === null;
        },
      },
    });
  };
}

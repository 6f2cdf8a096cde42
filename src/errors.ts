/**
 * One error type for every rejected argument, so a message always names the
 * parameter, quotes the value and says what was expected.
 *
 * @packageDocumentation
 */

/** Quotes a value for an error message: strings in quotes, objects as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Thrown for any invalid argument or config value.
 *
 * @example
 * new EluHeNormal({targetVariance: -1});
 * // InvalidArgumentError: EluHeNormal: targetVariance must be a finite number > 0; got -1.
 */
export class InvalidArgumentError extends Error {
  /** The parameter or config key that was rejected. */
  readonly parameter: string;
  /** The value that was rejected. */
  readonly value: unknown;

  constructor(owner: string, parameter: string, value: unknown, expectation: string) {
    super(`${owner}: ${parameter} must be ${expectation}; got ${describeValue(value)}.`);
    this.name = 'InvalidArgumentError';
    this.parameter = parameter;
    this.value = value;
  }
}

/** `value` if it is a finite number > 0, else an InvalidArgumentError. */
export function checkPositiveFinite(owner: string, parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(owner, parameter, value, 'a finite number > 0');
  }
  return value;
}

/** `value` if it is one of `valid`, else an InvalidArgumentError listing them. */
export function checkOneOf<T extends string>(
    owner: string, parameter: string, value: unknown, valid: readonly T[]): T {
  if (typeof value !== 'string' || !(valid as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(
        owner, parameter, value, `one of ${valid.map((v) => `'${v}'`).join(', ')}`);
  }
  return value as T;
}

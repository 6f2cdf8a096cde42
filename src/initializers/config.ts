/**
 * Reading initializer arguments and configs: one place that accepts both the
 * camelCase keys and values of TF.js (`targetVariance`, `fanIn`) and the
 * snake_case of Keras JSON written by hand (`target_variance`, `fan_in`), and
 * rejects unknown keys instead of silently ignoring a typo.
 *
 * @packageDocumentation
 */
import {checkOneOf, describeValue, InvalidArgumentError} from '../errors.js';

/** snake_case to camelCase, as tfjs-layers' `toCamelCase` does for config keys and values. */
export function toCamelCase(text: string): string {
  return text.replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Keys TF.js adds to every config it deserializes. */
const TFJS_ADDED_KEYS = ['customObjects'];

/**
 * Normalises an args or config object: null -> {}, snake_case keys -> camelCase,
 * and an error for any key not in `allowed`.
 */
export function readConfig(
    owner: string, args: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (args == null) return {};
  if (typeof args !== 'object' || Array.isArray(args)) {
    throw new InvalidArgumentError(owner, 'args', args, 'an object of options');
  }
  const result: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(args as Record<string, unknown>)) {
    const key = toCamelCase(rawKey);
    if (TFJS_ADDED_KEYS.includes(key)) continue;
    if (!allowed.includes(key)) {
      throw new Error(
          `${owner}: unknown config key ${describeValue(rawKey)}; ` +
          `valid keys: ${allowed.join(', ')}.`);
    }
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/**
 * A choice among `valid`, read in camelCase (so 'fan_in' reads as 'fanIn'); the
 * error quotes the value as given.
 */
export function readChoice<T extends string>(
    owner: string, parameter: string, value: unknown, valid: readonly T[]): T {
  const camel = typeof value === 'string' ? toCamelCase(value) : value;
  if (typeof camel === 'string' && (valid as readonly string[]).includes(camel)) return camel as T;
  return checkOneOf(owner, parameter, value, valid);  // throws, naming the original value
}

/** A seed: null/undefined for none, else a safe integer (0 and negatives included). */
export function readSeed(owner: string, value: unknown): number|null {
  if (value == null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(owner, 'seed', value, 'an integer (0 included), null or undefined');
  }
  return value;
}

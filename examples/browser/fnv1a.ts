/**
 * FNV-1a (32-bit) of a Float32Array's bits: a short fingerprint of many values,
 * for comparing a browser's samples with Node's.
 *
 * @example
 * fnv1a(new Float32Array([1])) // 3582745887
 */
export function fnv1a(values: Float32Array): number {
  let h = 0x811c9dc5;
  for (const word of new Uint32Array(values.buffer, values.byteOffset, values.length)) h = Math.imul(h ^ word, 0x01000193) >>> 0;
  return h;
}

/**
 * Arithmetic for operation measures that cannot wrap or lose precision silently: a result beyond
 * `Number.MAX_SAFE_INTEGER` is `Infinity`, which every limit refuses.
 */
export function saturate(value: number): number {
  return value > Number.MAX_SAFE_INTEGER ? Infinity : value;
}

export function saturatingSum(a: number, b: number): number {
  return saturate(a + b);
}

export function saturatingProduct(a: number, b: number): number {
  // 0 × Infinity would be NaN; nothing times nothing is nothing.
  if (a === 0 || b === 0) return 0;
  return saturate(a * b);
}

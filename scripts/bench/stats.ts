/** Medians with their spread, the one way every figure of the benchmark is summarised. */

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `449 ms (354–528)`; a single run, or runs that all agree, print without the range. */
export function stat(xs: readonly number[], unit: string, digits = 1): string {
  const fixed = (x: number) => x.toFixed(digits);
  const [min, max] = [fixed(Math.min(...xs)), fixed(Math.max(...xs))];
  const range = min === max ? '' : ` (${min}–${max})`;
  return `${fixed(median(xs))}${unit ? ` ${unit}` : ''}${range}`;
}

export const kb = (bytes: number) => bytes / 1024;
export const mb = (bytes: number) => bytes / 1024 / 1024;

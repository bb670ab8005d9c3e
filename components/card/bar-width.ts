/** A share (0..1, clamped) as a CSS percentage for a bar's width or a tick's position. */
export function barWidth(fraction: number): string {
  return `${(Math.min(1, Math.max(0, fraction)) * 100).toFixed(1)}%`;
}

/** Colours of the heat scale, from no load to the highest load, as RGB. */
export const heatStops: readonly (readonly [number, number, number])[] = [
  [236, 246, 238],
  [250, 214, 120],
  [224, 87, 62],
];

/** The CSS gradient of {@link heatStops}, for a legend. */
export const heatGradient = `linear-gradient(to right, ${heatStops.map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`).join(', ')})`;

/**
 * The fill colour of a node whose load is `value` on a scale up to `max` (both ≥ 0): the heat
 * stops interpolated linearly; the lowest colour when `max` is 0.
 */
export function heatColor(value: number, max: number): string {
  const share = max <= 0 ? 0 : Math.min(1, Math.max(0, value / max));
  const scaled = share * (heatStops.length - 1);
  const index = Math.min(heatStops.length - 2, Math.floor(scaled));
  const within = scaled - index;
  const from = heatStops[index] ?? heatStops[0];
  const to = heatStops[index + 1] ?? from;
  if (from === undefined || to === undefined) return 'transparent';
  const channel = (c: 0 | 1 | 2) => Math.round(from[c] + (to[c] - from[c]) * within);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

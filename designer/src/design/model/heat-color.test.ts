import { describe, expect, it } from 'vitest';
import { heatColor } from './heat-color.ts';

describe('heatColor', () => {
  it('gives the lowest colour to no load and the highest to the maximum', () => {
    expect(heatColor(0, 10)).toBe('rgb(236, 246, 238)');
    expect(heatColor(10, 10)).toBe('rgb(224, 87, 62)');
  });

  it('gives the middle stop at half the maximum and interpolates between stops', () => {
    expect(heatColor(5, 10)).toBe('rgb(250, 214, 120)');
    expect(heatColor(2.5, 10)).toBe('rgb(243, 230, 179)');
  });

  it('uses the lowest colour when nothing has load and clamps values above the maximum', () => {
    expect(heatColor(0, 0)).toBe('rgb(236, 246, 238)');
    expect(heatColor(30, 10)).toBe('rgb(224, 87, 62)');
  });
});

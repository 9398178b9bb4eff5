/** Colour of a compliance share (0–1): green from 95 %, amber from 80 %, red below. Pure. */
export function complianceTone(share: number): 'success' | 'warning' | 'danger' {
  return share >= 0.95 ? 'success' : share >= 0.8 ? 'warning' : 'danger';
}

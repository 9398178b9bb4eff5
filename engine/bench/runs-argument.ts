/** The whole number given as `--runs N` on the command line, or `fallback`. */
export function runsArgument(fallback: number): number {
  const index = process.argv.indexOf('--runs');
  const value = index === -1 ? fallback : Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error('--runs takes a whole number above 0');
  return value;
}

/** The first eight characters of a case or task id (a UUID), as lists show it; the full id on hover. Pure. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}

/**
 * The applicant's name for lists: `applicant.name`, else the case data's `applicantName`
 * (the one-form application of both demo workflows), else null. Pure.
 */
export function applicantName(applicant: Readonly<Record<string, unknown>>, data: Readonly<Record<string, unknown>> = {}): string | null {
  for (const value of [applicant.name, data.applicantName]) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

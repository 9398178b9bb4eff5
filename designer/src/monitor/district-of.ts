import type { Jurisdiction } from '../api/api.types.ts';

/**
 * The district a jurisdiction belongs to: itself for a district, its parent district for a
 * sub-district (街道), itself for the city (city departments form their own row). Pure.
 */
export function districtOf(jurisdictionId: string, jurisdictions: ReadonlyMap<string, Jurisdiction>): string {
  let current = jurisdictions.get(jurisdictionId);
  while (current !== undefined && current.level === 'subDistrict' && current.parentId !== null) {
    current = jurisdictions.get(current.parentId);
  }
  return current?.id ?? jurisdictionId;
}

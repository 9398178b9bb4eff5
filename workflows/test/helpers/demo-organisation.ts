import type { Level } from '@tongban/engine';

/** The demo organisation's jurisdiction tree (seeded by the runtime): id → level and parent. */
const jurisdictions: Record<string, { level: Level; parent?: string }> = {
  sh: { level: 'city' },
  'sh-huangpu': { level: 'district', parent: 'sh' },
  'sh-huangpu-nanjing-east': { level: 'subDistrict', parent: 'sh-huangpu' },
  'sh-xuhui': { level: 'district', parent: 'sh' },
  'sh-xuhui-tianping': { level: 'subDistrict', parent: 'sh-xuhui' },
  'sh-pudong': { level: 'district', parent: 'sh' },
  'sh-pudong-lujiazui': { level: 'subDistrict', parent: 'sh-pudong' },
};

/** Department kinds that exist in the city and in every district of the demo organisation. */
export const demoDepartmentKinds: readonly string[] = [
  'service-hall',
  'market-regulation',
  'fire-rescue',
  'urban-management',
  'health',
  'public-security',
  'medical-insurance',
  'human-resources',
  'government-service',
  'taxation',
  'housing-fund',
  'bank',
  'hotline',
  'development-reform',
  'natural-resources',
  'housing-construction',
  'civil-air-defence',
  'archives',
  'construction-quality',
  'real-estate-registration',
  'water-utility',
  'power-utility',
  'gas-utility',
];

/** Whether `id` is a jurisdiction of the demo organisation. */
export function isDemoJurisdiction(id: string): boolean {
  return id in jurisdictions;
}

/**
 * The department a task of `kind` at `level` goes to for a case filed in `jurisdictionId`: that
 * kind in the case's jurisdiction, or in its ancestor at `level` (DESIGN.md §5), as
 * `${jurisdictionId}-${kind}`.
 */
export function departmentFor(jurisdictionId: string, kind: string, level: Level): string {
  let current: string | undefined = jurisdictionId;
  while (current !== undefined) {
    const jurisdiction: { level: Level; parent?: string } | undefined = jurisdictions[current];
    if (jurisdiction === undefined) throw new Error(`'${current}' is not a jurisdiction of the demo organisation`);
    if (jurisdiction.level === level) return `${current}-${kind}`;
    current = jurisdiction.parent;
  }
  throw new Error(`Jurisdiction '${jurisdictionId}' has no ancestor at level '${level}'`);
}

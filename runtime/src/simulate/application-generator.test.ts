import { getWorkflow, workflowFixtures } from '@tongban/workflows';
import { describe, expect, it } from 'vitest';
import { checkCaseData } from '../cases/check-case-data.ts';
import { applicantPool, generateApplication, supplementDocuments, type FilingPlace } from './application-generator.ts';
import { creditCodeCheckCharacter, identityNumberCheckCharacter } from './identifiers.ts';
import { createSeededRandom } from './seeded-random.ts';

interface Property {
  type?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  enum?: unknown[];
  minItems?: number;
  uniqueItems?: boolean;
  items?: { enum?: unknown[] };
}

/** Every keyword of the workflows' data schemas, checked strictly (deeper than the runtime's intake check). */
function schemaProblems(schema: { required?: string[]; properties?: Record<string, Property> }, data: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of schema.required ?? []) if (data[key] === undefined) problems.push(`${key} missing`);
  for (const [key, p] of Object.entries(schema.properties ?? {})) {
    const v = data[key];
    if (v === undefined) continue;
    if (p.type === 'string' && (typeof v !== 'string' || (p.minLength !== undefined && v.length < p.minLength))) problems.push(`${key} not a string`);
    if (p.pattern !== undefined && !new RegExp(p.pattern).test(String(v))) problems.push(`${key} '${String(v)}' does not match ${p.pattern}`);
    if (p.type === 'integer' && !Number.isInteger(v)) problems.push(`${key} not an integer`);
    if (p.type === 'number' && typeof v !== 'number') problems.push(`${key} not a number`);
    if (p.minimum !== undefined && !((v as number) >= p.minimum)) problems.push(`${key} below ${p.minimum}`);
    if (p.exclusiveMinimum !== undefined && !((v as number) > p.exclusiveMinimum)) problems.push(`${key} not above ${p.exclusiveMinimum}`);
    if (p.type === 'boolean' && typeof v !== 'boolean') problems.push(`${key} not a boolean`);
    if (p.enum && !p.enum.includes(v)) problems.push(`${key} not in enum`);
    if (p.type === 'array') {
      const items = v as unknown[];
      if (p.minItems !== undefined && items.length < p.minItems) problems.push(`${key} has too few items`);
      if (p.uniqueItems && new Set(items).size !== items.length) problems.push(`${key} repeats items`);
      if (p.items?.enum && items.some((item) => !p.items?.enum?.includes(item))) problems.push(`${key} has an unknown item`);
    }
  }
  return problems;
}

const places: FilingPlace[] = [
  { id: 'sh-huangpu', addressPrefix: '上海市黄浦区' },
  { id: 'sh-huangpu-nanjing-east', addressPrefix: '上海市黄浦区' },
  { id: 'sh-xuhui-tianping', addressPrefix: '上海市徐汇区' },
  { id: 'sh-pudong', addressPrefix: '上海市浦东新区' },
];

const restaurant = getWorkflow('open-restaurant');
const restaurantFixtures = workflowFixtures.filter((f) => f.workflow === 'open-restaurant');

function restaurants(n: number, seed = 1) {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, (_, i) =>
    generateApplication(random.fork(`case:${i}`), { place: places[i % places.length] as FilingPlace, dataSchema: restaurant.dataSchema, templates: restaurantFixtures }),
  );
}

describe('generateApplication', () => {
  it('draws restaurant applications that satisfy every keyword of the data schema and the intake check', () => {
    for (const application of restaurants(400)) {
      expect(schemaProblems(restaurant.dataSchema as never, application.data)).toEqual([]);
      expect(() => checkCaseData(restaurant.dataSchema as Record<string, unknown>, application.data)).not.toThrow();
    }
  });

  it('gives the applicant a new name and phone, also where the form repeats them', () => {
    for (const { applicant, data } of restaurants(50)) {
      expect(data.applicantName).toBe(applicant.name);
      expect(data.contactPhone).toBe(applicant.phone);
      expect(restaurantFixtures.map((f) => f.applicant.name)).not.toContain(applicant.name);
    }
  });

  it('places the shop on a road of its jurisdiction and registers it in its division with a valid credit code', () => {
    for (const application of restaurants(100)) {
      const place = places.find((p) => p.id === application.jurisdiction) as FilingPlace;
      const address = application.data.address as string;
      expect(address.startsWith(place.addressPrefix)).toBe(true);
      expect(applicantPool.places[place.id]?.roads.some((road) => address.startsWith(place.addressPrefix + road))).toBe(true);
      const code = application.data.unifiedSocialCreditCode as string;
      expect(code.slice(2, 8)).toBe(applicantPool.places[place.id]?.areaCode);
      expect(code.slice(17)).toBe(creditCodeCheckCharacter(code.slice(0, 17)));
    }
  });

  it('varies small cafés, medium restaurants and large banquet halls with fitting venue, sign and tobacco flags', () => {
    const all = restaurants(1000, 2);
    const area = (a: (typeof all)[number]) => a.data.area as number;
    const large = all.filter((a) => area(a) >= 1000);
    const small = all.filter((a) => area(a) < 150);
    expect(large.length / all.length).toBeGreaterThan(0.03);
    expect(large.length / all.length).toBeLessThan(0.12);
    expect(small.length / all.length).toBeGreaterThan(0.45);
    expect(large.every((a) => a.data.publicGatheringVenue === true)).toBe(true);
    expect(all.filter((a) => area(a) < 50).every((a) => a.data.publicGatheringVenue === false)).toBe(true);
    const share = (key: string) => all.filter((a) => a.data[key] === true).length / all.length;
    expect(share('outdoorSign')).toBeGreaterThan(0.55);
    expect(share('outdoorSign')).toBeLessThan(0.8);
    expect(share('sellsTobacco')).toBeGreaterThan(0.05);
    expect(share('sellsTobacco')).toBeLessThan(0.3);
    expect(new Set(all.map((a) => a.data.businessName)).size).toBeGreaterThan(300);
    for (const a of all) expect(a.data.seats as number).toBeLessThanOrEqual(area(a));
  });

  it('draws the same applications from the same seed', () => {
    expect(restaurants(20, 5)).toEqual(restaurants(20, 5));
    expect(restaurants(20, 5)).not.toEqual(restaurants(20, 6));
  });

  it('varies newborn applications from their fixtures: parents with valid identity numbers of the right sex', () => {
    const newborn = getWorkflow('newborn');
    const random = createSeededRandom(3);
    const fixtures = workflowFixtures.filter((f) => f.workflow === 'newborn');
    for (let i = 0; i < 100; i += 1) {
      const { applicant, data } = generateApplication(random.fork(`case:${i}`), { place: places[0] as FilingPlace, dataSchema: newborn.dataSchema, templates: fixtures });
      expect(schemaProblems(newborn.dataSchema as never, data)).toEqual([]);
      for (const key of ['motherIdNumber', 'fatherIdNumber']) {
        const id = data[key] as string;
        expect(id.slice(17)).toBe(identityNumberCheckCharacter(id.slice(0, 17)));
      }
      expect(Number((data.motherIdNumber as string)[16]) % 2).toBe(0);
      expect(Number((data.fatherIdNumber as string)[16]) % 2).toBe(1);
      expect((data.hukouAddress as string).startsWith('上海市黄浦区')).toBe(true);
      expect(applicant.phone).toBe(data.contactPhone);
    }
  });

  it('refuses a workflow without fixtures', () => {
    expect(() => generateApplication(createSeededRandom(1), { place: places[0] as FilingPlace, dataSchema: undefined, templates: [] })).toThrow(RangeError);
  });
});

describe('supplementDocuments', () => {
  it('hands in one to three different documents', () => {
    const random = createSeededRandom(8);
    for (let i = 0; i < 50; i += 1) {
      const documents = supplementDocuments(random);
      expect(documents.length).toBeGreaterThanOrEqual(1);
      expect(documents.length).toBeLessThanOrEqual(3);
      expect(new Set(documents).size).toBe(documents.length);
    }
  });
});

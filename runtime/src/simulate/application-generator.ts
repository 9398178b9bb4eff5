import type { WorkflowFixture } from '@tongban/workflows';
import poolData from './data/applicant-pool.json' with { type: 'json' };
import { creditCode, identityNumber, mobileNumber } from './identifiers.ts';
import type { SeededRandom } from './seeded-random.ts';

/** A kind of shop of a restaurant profile and the food business items (经营项目) it applies for. */
export interface ShopKind {
  name: string;
  items: string[];
  /** Items it adds at even odds. */
  optional: string[];
}

/** Small, medium or large restaurants: their share of applications and how they look. */
export interface RestaurantProfile {
  size: string;
  /** Share of applications, 0–1; the shares of all profiles add up to 1. */
  share: number;
  /** Building area range, m². */
  area: [number, number];
  /** Dining seats per m² of building area, range. */
  seatsPerSquareMetre: [number, number];
  publicGatheringShare: number;
  outdoorSignShare: number;
  tobaccoShare: number;
  shops: ShopKind[];
}

/** A jurisdiction's roads and division code, for addresses and registration numbers. */
export interface PlaceData {
  /** GB/T 2260 administrative division code, 6 digits. */
  areaCode: string;
  /** The one-character abbreviation its offices put on permit numbers (黄, 徐, 浦). */
  abbreviation?: string;
  roads: string[];
}

/** What simulated applications are drawn from (`data/applicant-pool.json`). */
export interface ApplicantPool {
  surnames: string[];
  givenNames: string[];
  shopWords: string[];
  floors: string[];
  supplementDocuments: string[];
  places: Record<string, PlaceData>;
  restaurantProfiles: RestaurantProfile[];
}

/** The applicant pool shipped with Tongban. */
export const applicantPool = poolData as unknown as ApplicantPool;

/** Where an application is filed. */
export interface FilingPlace {
  /** Jurisdiction id, e.g. `sh-huangpu-nanjing-east`. */
  id: string;
  /** What an address there starts with: the city and the district, e.g. `上海市黄浦区`. */
  addressPrefix: string;
}

/** A JSON Schema property of a definition's `dataSchema`, as far as the generator reads it. */
interface SchemaProperty {
  type?: string;
  title?: string;
  pattern?: string;
  enum?: unknown[];
  items?: { enum?: unknown[] };
}

/** One simulated application: where, who, and the form (一表申请). */
export interface Application {
  jurisdiction: string;
  applicant: { name: string; phone: string };
  data: Record<string, unknown>;
  /** The fixture it was varied from. */
  templateId: string;
}

/** What {@link generateApplication} varies. */
export interface ApplicationContext {
  place: FilingPlace;
  /** The workflow's `dataSchema` (JSON Schema, top level read). */
  dataSchema: Record<string, unknown> | undefined;
  /** The workflow's case fixtures; one is drawn as the template. */
  templates: readonly WorkflowFixture[];
  pool?: ApplicantPool;
}

const CREDIT_CODE_PATTERN = 'A-HJ-NPQRTUWXY';
const IDENTITY_PATTERN = '^[0-9]{17}[0-9X]$';
const PHONE_PATTERN = '^1[3-9]';

/**
 * A varied, realistic application for `place`, drawn from one of the workflow's fixtures: the
 * applicant gets a new name and mobile number (every field of the template that held the
 * template applicant's name or phone takes the new one), and each property of the `dataSchema`
 * is redrawn by what it is: credit codes of the place's division with a valid check character,
 * identity numbers, phone numbers, names (`title` with 姓名), addresses on the place's roads
 * (`title` with 地址), and — for the restaurant form — the shop's kind, name, area, seats, food
 * business items, public-gathering, sign and tobacco flags from {@link RestaurantProfile}s.
 * Properties the generator does not know keep the template's value.
 *
 * Pure: performs no I/O (draws from `random`).
 * @throws RangeError when the workflow has no fixture to start from.
 */
export function generateApplication(random: SeededRandom, context: ApplicationContext): Application {
  const pool = context.pool ?? applicantPool;
  if (context.templates.length === 0) throw new RangeError('The workflow has no case fixture to vary applications from');
  const template = random.pick(context.templates);
  const placeData = pool.places[context.place.id];
  const areaCode = placeData?.areaCode ?? '310000';
  const applicant = { name: personName(random, pool), phone: mobileNumber(random) };
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template.data)) {
    if (value === template.applicant.name) data[key] = applicant.name;
    else if (value === template.applicant.phone) data[key] = applicant.phone;
    else data[key] = structuredClone(value);
  }
  const properties = (context.dataSchema?.properties ?? {}) as Record<string, SchemaProperty>;
  for (const [key, property] of Object.entries(properties)) {
    if (!(key in data)) continue;
    const pattern = property.pattern ?? '';
    const title = property.title ?? '';
    if (pattern.includes(CREDIT_CODE_PATTERN)) data[key] = creditCode(random, areaCode);
    else if (pattern === IDENTITY_PATTERN) data[key] = identityNumber(random, areaCode, adultBirthDate(random), sexOf(key, random));
    else if (pattern.startsWith(PHONE_PATTERN) && data[key] !== applicant.phone) data[key] = mobileNumber(random);
    else if (title.includes('姓名') && data[key] !== applicant.name) data[key] = personName(random, pool);
    else if (title.includes('地址') || key === 'address') data[key] = address(random, context.place, placeData, pool);
  }
  if ('area' in properties && 'businessName' in properties) Object.assign(data, restaurant(random, pool, properties, data));
  return { jurisdiction: context.place.id, applicant, data, templateId: template.id };
}

/**
 * The documents an applicant hands in with a supplement (补正): one to three of the pool's.
 *
 * Pure: performs no I/O (draws from `random`).
 */
export function supplementDocuments(random: SeededRandom, pool: ApplicantPool = applicantPool): string[] {
  const remaining = [...new Set(pool.supplementDocuments)];
  const count = random.int(1, Math.min(3, remaining.length));
  const chosen: string[] = [];
  for (let i = 0; i < count; i += 1) chosen.push(...remaining.splice(random.int(0, remaining.length - 1), 1));
  return chosen.map((name) => `${name}.pdf`);
}

function personName(random: SeededRandom, pool: ApplicantPool): string {
  return random.pick(pool.surnames) + random.pick(pool.givenNames);
}

function adultBirthDate(random: SeededRandom): string {
  const year = random.int(1970, 2002);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function sexOf(key: string, random: SeededRandom): 'male' | 'female' {
  if (/mother/i.test(key)) return 'female';
  if (/father/i.test(key)) return 'male';
  return random.chance(0.5) ? 'male' : 'female';
}

function address(random: SeededRandom, place: FilingPlace, data: PlaceData | undefined, pool: ApplicantPool): string {
  const road = data ? random.pick(data.roads) : '人民路';
  return `${place.addressPrefix}${road}${random.int(1, 1288)}号${random.pick(pool.floors)}`;
}

function restaurant(
  random: SeededRandom,
  pool: ApplicantPool,
  properties: Record<string, SchemaProperty>,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const profile = pickProfile(random, pool.restaurantProfiles);
  const shop = random.pick(profile.shops);
  const area = Math.round(random.between(profile.area[0], profile.area[1]));
  const seats = shop.items.includes('hotFood') || shop.items.includes('coldFood') || random.chance(0.5)
    ? Math.round(area * random.between(profile.seatsPerSquareMetre[0], profile.seatsPerSquareMetre[1]))
    : 0;
  const allowed = new Set(properties.foodBusinessItems?.items?.enum ?? []);
  const items = [...shop.items, ...shop.optional.filter(() => random.chance(0.5))].filter((item) => allowed.size === 0 || allowed.has(item));
  const owner = typeof data.applicantName === 'string' ? data.applicantName : '';
  const word = random.chance(0.25) && owner !== '' ? `${owner.slice(0, 1)}记` : random.pick(pool.shopWords);
  const drawn: Record<string, unknown> = {
    businessName: `${word}${shop.name}`,
    area,
    seats,
    foodBusinessItems: items.length > 0 ? [...new Set(items)] : (data.foodBusinessItems ?? []),
    publicGatheringVenue: area >= 50 && random.chance(profile.publicGatheringShare),
    outdoorSign: random.chance(profile.outdoorSignShare),
    sellsTobacco: random.chance(profile.tobaccoShare),
  };
  return Object.fromEntries(Object.entries(drawn).filter(([key]) => key in properties));
}

function pickProfile(random: SeededRandom, profiles: readonly RestaurantProfile[]): RestaurantProfile {
  let draw = random.next();
  for (const profile of profiles) {
    draw -= profile.share;
    if (draw < 0) return profile;
  }
  return profiles[profiles.length - 1] as RestaurantProfile;
}

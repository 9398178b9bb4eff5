import type { SeededRandom } from './seeded-random.ts';

/** The 31 characters of a unified social credit code (GB 32100-2015: digits and letters but I, O, S, V, Z). */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1–17 of a unified social credit code (3^(i-1) mod 31, GB 32100-2015). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Weights of positions 1–17 of a resident identity number (GB 11643-1999, ISO 7064 MOD 11-2). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Mobile prefixes in use in mainland China (the second digit 3–9, as the forms' patterns require). */
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '166', '173', '177', '180', '181', '186', '187', '188', '189', '191', '199'];

/**
 * The check character of the first 17 characters of a unified social credit code (GB 32100-2015).
 *
 * Pure: performs no I/O.
 * @throws RangeError when `first17` is not 17 characters of the code's charset.
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`A credit code has 17 characters before its check character; '${first17}' has ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_CHARSET.indexOf(first17[i] as string);
    if (value < 0) throw new RangeError(`'${first17[i]}' (position ${i + 1} of '${first17}') is not a credit-code character`);
    sum += value * (USCC_WEIGHTS[i] as number);
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31] as string;
}

/**
 * A unified social credit code of an individual business (个体工商户, category `92`) registered in
 * the administrative division `areaCode` (6 digits, e.g. `310101` 黄浦区), with a valid check character.
 *
 * Pure: performs no I/O (draws from `random`).
 */
export function creditCode(random: SeededRandom, areaCode: string, category = '92'): string {
  let body = `${category}${areaCode}`;
  while (body.length < 17) body += USCC_CHARSET[random.int(0, USCC_CHARSET.length - 1)];
  return body + creditCodeCheckCharacter(body);
}

/**
 * The check character of the first 17 digits of a resident identity number (GB 11643-1999).
 *
 * Pure: performs no I/O.
 * @throws RangeError when `first17` is not 17 digits.
 */
export function identityNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`An identity number has 17 digits before its check character; got '${first17}'`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

/**
 * A resident identity number: `areaCode` (6 digits), the birth date `YYYYMMDD`, a 3-digit sequence
 * whose parity is the sex (odd male, even female), and the check character.
 *
 * Pure: performs no I/O (draws from `random`).
 */
export function identityNumber(random: SeededRandom, areaCode: string, birthDate: string, sex: 'male' | 'female'): string {
  let sequence = random.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
  if (sequence === 0) sequence = 2;
  const body = `${areaCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return body + identityNumberCheckCharacter(body);
}

/**
 * An 11-digit mobile number matching `^1[3-9][0-9]{9}$`.
 *
 * Pure: performs no I/O (draws from `random`).
 */
export function mobileNumber(random: SeededRandom): string {
  let number = random.pick(MOBILE_PREFIXES);
  while (number.length < 11) number += String(random.int(0, 9));
  return number;
}

/**
 * A new identifier shaped like `template` (a licence or permit number of a fixture): a year in
 * `〔…〕` or `[…]` becomes `year`; every other run of digits keeps its first half (codes of the
 * issuing office and area) and draws the rest anew, so `JY23101010023456` becomes
 * `JY2310101` + 7 new digits and `沪消安检字〔2025〕第0187号` becomes `沪消安检字〔2026〕第01` + 2 new digits.
 *
 * Pure: performs no I/O (draws from `random`).
 */
export function varyIdentifier(random: SeededRandom, template: string, year: number): string {
  return template.replace(/(〔|\[)?(\d+)(〕|\])?/g, (match, open: string | undefined, digits: string, close: string | undefined) => {
    if (open !== undefined && close !== undefined && digits.length === 4) return `${open}${year}${close}`;
    const keep = Math.floor(digits.length / 2);
    let drawn = digits.slice(0, keep);
    while (drawn.length < digits.length) drawn += String(random.int(0, 9));
    return match.replace(digits, drawn);
  });
}

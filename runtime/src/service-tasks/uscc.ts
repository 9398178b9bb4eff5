/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》:
 * 18 characters of the alphabet `0-9` and `A-Y` without `I`, `O`, `S`, `V`, `Z`:
 *
 * | positions | part |
 * | --- | --- |
 * | 1 | registration authority (登记管理部门代码), e.g. `9` market regulation |
 * | 2 | kind of organisation (机构类别代码), e.g. `1` company, `2` sole proprietorship |
 * | 3–8 | administrative division of the registering authority (GB/T 2260), six digits |
 * | 9–17 | the organisation code (主体标识码) |
 * | 18 | check character |
 *
 * The check character: each of the first 17 characters has the value of its place in the alphabet
 * (0–30) and the weight 3^(i−1) mod 31 of its position i (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25,
 * 13, 8, 24, 10, 30, 28); the check value is 31 − (Σ value × weight mod 31), 31 counting as 0, and
 * the check character is the alphabet's character of that value.
 * @module
 */

/** The 31 characters of a credit code, in value order (GB 32100-2015 §4.1). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Why a credit code is not valid. */
export type UsccProblem = 'length' | 'alphabet' | 'division' | 'check-character';

/** The verdict on a credit code: valid, with its parts, or the first problem found. */
export type UsccVerdict =
  | { valid: true; registrationAuthority: string; kind: string; divisionCode: string; organisationCode: string }
  | { valid: false; problem: UsccProblem };

/**
 * The check character the first 17 characters of a credit code call for.
 *
 * Pure: performs no I/O.
 * @throws Error when `body` is not 17 characters of {@link USCC_ALPHABET}.
 */
export function usccCheckCharacter(body: string): string {
  if (body.length !== 17) throw new Error(`A credit code body has 17 characters; '${body}' has ${body.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(body[i] as string);
    if (value < 0) throw new Error(`'${body[i]}' at position ${i + 1} of '${body}' is not a credit-code character`);
    sum += value * (WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check] as string;
}

/**
 * Checks a unified social credit code: 18 characters, the alphabet of GB 32100-2015, a six-digit
 * division code, and the check character. Spaces around the code are ignored; lower case is not
 * accepted (the standard writes capitals only).
 *
 * Pure: performs no I/O.
 */
export function verifyUscc(code: string): UsccVerdict {
  const trimmed = code.trim();
  if (trimmed.length !== 18) return { valid: false, problem: 'length' };
  if (![...trimmed].every((c) => USCC_ALPHABET.includes(c))) return { valid: false, problem: 'alphabet' };
  if (!SHAPE.test(trimmed)) return { valid: false, problem: 'division' };
  if (usccCheckCharacter(trimmed.slice(0, 17)) !== trimmed[17]) return { valid: false, problem: 'check-character' };
  return {
    valid: true,
    registrationAuthority: trimmed[0] as string,
    kind: trimmed[1] as string,
    divisionCode: trimmed.slice(2, 8),
    organisationCode: trimmed.slice(8, 17),
  };
}

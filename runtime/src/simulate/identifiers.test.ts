import { describe, expect, it } from 'vitest';
import {
  creditCode,
  creditCodeCheckCharacter,
  identityNumber,
  identityNumberCheckCharacter,
  mobileNumber,
  varyIdentifier,
} from './identifiers.ts';
import { createSeededRandom } from './seeded-random.ts';

describe('credit codes (GB 32100-2015)', () => {
  it('computes the check character of published codes', () => {
    for (const code of ['9144030071526726XG', '914403001922038216', '91330100716105852F']) {
      expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code.slice(17));
    }
  });

  it('draws codes of the division with a valid check character and the form pattern', () => {
    const random = createSeededRandom(1);
    for (let i = 0; i < 200; i += 1) {
      const code = creditCode(random, '310104');
      expect(code).toMatch(/^92310104[0-9A-HJ-NPQRTUWXY]{10}$/);
      expect(code.slice(17)).toBe(creditCodeCheckCharacter(code.slice(0, 17)));
    }
  });

  it('refuses a body that is not 17 code characters', () => {
    expect(() => creditCodeCheckCharacter('9131')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('9131010100000000I')).toThrow(/'I'/);
  });
});

describe('identity numbers (GB 11643-1999)', () => {
  it('computes the check character of the standard examples', () => {
    expect(identityNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(identityNumberCheckCharacter('44052418800101001')).toBe('4');
  });

  it('draws numbers of the division and birth date whose sequence parity is the sex', () => {
    const random = createSeededRandom(2);
    for (let i = 0; i < 100; i += 1) {
      const female = identityNumber(random, '310101', '1992-03-15', 'female');
      expect(female).toMatch(/^31010119920315\d{3}[0-9X]$/);
      expect(Number(female[16]) % 2).toBe(0);
      expect(female.slice(17)).toBe(identityNumberCheckCharacter(female.slice(0, 17)));
      expect(Number(identityNumber(random, '310101', '1990-08-08', 'male')[16]) % 2).toBe(1);
    }
  });
});

describe('mobileNumber', () => {
  it('draws numbers the forms accept', () => {
    const random = createSeededRandom(3);
    for (let i = 0; i < 100; i += 1) expect(mobileNumber(random)).toMatch(/^1[3-9][0-9]{9}$/);
  });
});

describe('varyIdentifier', () => {
  it('puts the year in brackets and redraws the second half of each run of digits', () => {
    const random = createSeededRandom(4);
    expect(varyIdentifier(random, '沪消安检字〔2025〕第0187号', 2026)).toMatch(/^沪消安检字〔2026〕第01\d{2}号$/);
    expect(varyIdentifier(random, '黄绿容招〔2026〕0412号', 2027)).toMatch(/^黄绿容招〔2027〕04\d{2}号$/);
    expect(varyIdentifier(random, 'JY23101010023456', 2026)).toMatch(/^JY2310101\d{7}$/);
    const drawn = new Set(Array.from({ length: 20 }, () => varyIdentifier(random, 'JY23101010023456', 2026)));
    expect(drawn.size).toBeGreaterThan(15);
  });
});

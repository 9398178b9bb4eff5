import { describe, expect, it } from 'vitest';
import { usccCheckCharacter, verifyUscc } from './uscc.ts';

describe('verifyUscc (GB 32100-2015)', () => {
  it('accepts codes whose check character matches, and names their parts', () => {
    expect(verifyUscc('91350200MA2YJ1XR9G')).toEqual({
      valid: true,
      registrationAuthority: '9',
      kind: '1',
      divisionCode: '350200',
      organisationCode: 'MA2YJ1XR9',
    });
    expect(verifyUscc('913502000728319549').valid).toBe(true);
    expect(verifyUscc(' 9135021359498494XQ ').valid).toBe(true);
  });

  it('refuses a code with a wrong check character', () => {
    expect(verifyUscc('91350200MA2YJ1XR9H')).toEqual({ valid: false, problem: 'check-character' });
    expect(verifyUscc('92310104MA1K2B3C4D')).toEqual({ valid: false, problem: 'check-character' });
  });

  it('refuses codes of the wrong length, outside the alphabet, or without a digit division code', () => {
    expect(verifyUscc('91350200MA2YJ1XR9')).toEqual({ valid: false, problem: 'length' });
    expect(verifyUscc('91350200MA2YJ1XRIG')).toEqual({ valid: false, problem: 'alphabet' });
    expect(verifyUscc('91350200ma2yj1xr9g')).toEqual({ valid: false, problem: 'alphabet' });
    expect(verifyUscc('913502A0MA2YJ1XR9G')).toEqual({ valid: false, problem: 'division' });
  });

  it('computes the check character from the weighted sum, 31 counting as 0', () => {
    expect(usccCheckCharacter('91350200MA2YJ1XR9')).toBe('G');
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
    expect(() => usccCheckCharacter('9135')).toThrow(/17 characters/);
    expect(() => usccCheckCharacter('9135020OMA2YJ1XR9')).toThrow(/position 8/);
  });
});

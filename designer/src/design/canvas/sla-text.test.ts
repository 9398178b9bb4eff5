import { describe, expect, it } from 'vitest';
import { designMessages } from '../messages.ts';
import { durationText, slaText } from './sla-text.ts';

const en = designMessages['en-US'];
const zh = designMessages['zh-CN'];

describe('slaText', () => {
  it('names one working day in the singular and several in the plural', () => {
    expect(durationText({ amount: 1, unit: 'workingDay' }, en)).toBe('1 working day');
    expect(durationText({ amount: 20, unit: 'workingDay' }, en)).toBe('20 working days');
  });

  it('writes both limits of a task in one line', () => {
    const sla = { promised: { amount: 1, unit: 'workingDay' as const }, statutory: { amount: 20, unit: 'workingDay' as const } };
    expect(slaText(sla, zh)).toBe(`${zh.promisedShort} 1 工作日 · ${zh.statutoryShort} 20 工作日`);
  });
});

import type { WorkflowDefinition } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import applicationSchema from '../../test/fixtures/application-schema.json' with { type: 'json' };
import { applicationEntries } from './case-data-sections.ts';

const definition = { key: 'open-restaurant', name: '开办餐饮店', nodes: [], edges: [], dataSchema: applicationSchema } as unknown as WorkflowDefinition;
const words = { yes: '是', no: '否' };

describe('applicationEntries', () => {
  it('shows enum values by the labels the schema gives them, and unnamed values as they are', () => {
    const entries = applicationEntries(definition, { foodBusinessItems: ['hotFood', 'coldFood'], licenceKind: 'renew', businessName: 'hotFood 小馆', outdoorSign: true }, words);
    expect(entries.map(({ label, value }) => [label, value])).toEqual([
      ['店铺名称', 'hotFood 小馆'],
      ['经营项目', '热食类食品制售、冷食类食品制售'],
      ['设置户外招牌', '是'],
      ['申请类型', '延续'],
    ]);
  });
});

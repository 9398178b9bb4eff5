import type { WorkflowDefinition } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { chosenMapping, suggestMapping } from './suggest-mapping.ts';

const definition = (nodes: { id: string; type: string }[]) => ({ nodes }) as unknown as WorkflowDefinition;

describe('the suggested mapping of a migration', () => {
  it('maps each waiting node to the target node of the same id and type, and leaves the others to choose', () => {
    const source = definition([
      { id: 'start', type: 'startEvent' },
      { id: 'intake', type: 'userTask' },
      { id: 'review', type: 'userTask' },
      { id: 'notice', type: 'timerEvent' },
    ]);
    const target = definition([
      { id: 'intake', type: 'userTask' },
      { id: 'check', type: 'userTask' },
      { id: 'notice', type: 'userTask' },
    ]);
    expect(suggestMapping(source, target)).toEqual({ intake: 'intake', review: undefined, notice: undefined });
  });

  it('sends only the chosen entries', () => {
    expect(chosenMapping({ intake: 'intake', review: undefined, notice: 'wait' })).toEqual({ intake: 'intake', notice: 'wait' });
  });
});

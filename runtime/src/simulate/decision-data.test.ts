import { offeredOutcomes, parseDefinition } from '@tongban/engine';
import type { UserTask, WorkflowDefinition } from '@tongban/engine';
import { getWorkflow, workflowFixtures } from '@tongban/workflows';
import { describe, expect, it } from 'vitest';
import { checkCompletion } from '../tasks/check-completion.ts';
import { generateApplication } from './application-generator.ts';
import { decisionData, decisionReason, decisionTemplatesOf, type DecisionContext } from './decision-data.ts';
import { createSeededRandom } from './seeded-random.ts';

const TODAY = '2026-03-10';

function workflow(key: string) {
  const definition = parseDefinition(getWorkflow(key)).definition as WorkflowDefinition;
  const fixtures = workflowFixtures.filter((f) => f.workflow === key);
  const userTasks = definition.nodes.filter((n): n is UserTask => n.type === 'userTask');
  return { definition, fixtures, templates: decisionTemplatesOf(fixtures), userTasks };
}

const restaurant = workflow('open-restaurant');
const task = (id: string) => restaurant.userTasks.find((t) => t.id === id) as UserTask;

function application(seed: number, key = 'open-restaurant', place = { id: 'sh-xuhui-tianping', addressPrefix: '上海市徐汇区' }) {
  const w = key === 'open-restaurant' ? restaurant : workflow(key);
  return generateApplication(createSeededRandom(seed), { place, dataSchema: w.definition.dataSchema, templates: w.fixtures }).data;
}

function decide(nodeId: string, outcome: string, caseData: Record<string, unknown>, extra: Partial<DecisionContext> = {}, seed = 1) {
  return decisionData(createSeededRandom(seed), { node: task(nodeId), outcome, caseData, templates: restaurant.templates, today: TODAY, ...extra });
}

describe('decisionTemplatesOf', () => {
  it('takes every completion of the fixtures with the case data it was made on', () => {
    const check = restaurant.templates.find((t) => t.fixtureId === 'large-restaurant' && t.nodeId === 'licence-check');
    expect(check?.outcome).toBe('approve');
    expect(check?.caseData).toMatchObject({ unifiedSocialCreditCode: '91310101MA1FPX7Y2K', area: 1280 });
    const delivery = restaurant.templates.find((t) => t.fixtureId === 'large-restaurant' && t.nodeId === 'delivery');
    expect(delivery?.caseData).toMatchObject({ foodLicenceNumber: 'JY23101010023456' });
  });
});

describe('decisionData', () => {
  it('fills forms the runtime accepts, for every outcome of every task of both workflows', () => {
    for (const key of ['open-restaurant', 'newborn']) {
      const w = key === 'open-restaurant' ? restaurant : workflow(key);
      for (let seed = 0; seed < 20; seed += 1) {
        const caseData = application(seed, key);
        for (const node of w.userTasks) {
          for (const outcome of offeredOutcomes(node)) {
            const data = decisionData(createSeededRandom(seed), { node, outcome, caseData, templates: w.templates, today: TODAY });
            const returnTo = outcome === 'return' ? w.definition.edges.find((e) => e.source === node.id && e.outcome === 'return')?.target : undefined;
            expect(() => checkCompletion(w.definition, node, { outcome, data, returnTo }), `${key} ${node.id} ${outcome}`).not.toThrow();
          }
        }
      }
    }
  });

  it("writes the reason of every rejection and return in the outcome's reason field", () => {
    const caseData = application(9);
    let reasoned = 0;
    for (const node of restaurant.userTasks) {
      for (const outcome of node.outcomes.filter((o) => o.reasonField !== undefined)) {
        for (const templates of [restaurant.templates, []]) {
          const data = decide(node.id, outcome.id, caseData, { templates });
          expect(data[outcome.reasonField as string], `${node.id} ${outcome.id}`).toMatch(/\S/);
          reasoned += 1;
        }
      }
    }
    expect(reasoned).toBeGreaterThan(10);
    expect(decide('food-decision', 'reject', caseData, { templates: [] })).toEqual({ foodDecisionReason: '经食品经营许可决定，不符合法定条件和标准：不予许可' });
    expect(decisionReason(task('food-inspection'), 'return')).toBe('食品经营场所现场核查发现申请材料与实际情况不符：退回审查');
  });

  it('confirms at the window what the applicant declared', () => {
    const caseData = application(3);
    const data = decide('intake', 'approve', caseData);
    expect(data).toEqual({
      area: caseData.area,
      seats: caseData.seats,
      publicGatheringVenue: caseData.publicGatheringVenue,
      outdoorSign: caseData.outdoorSign,
    });
    expect(Object.keys(decide('intake', 'requestSupplement', caseData))).toEqual(['supplementItems']);
  });

  it('checks the licence the application names, and records a new food licence number', () => {
    const caseData = application(4);
    expect(decide('licence-check', 'approve', caseData).businessLicenceNumber).toBe(caseData.unifiedSocialCreditCode);
    const numbers = new Set(Array.from({ length: 30 }, (_, seed) => decide('food-decision', 'approve', caseData, {}, seed).foodLicenceNumber));
    for (const number of numbers) expect(number).toMatch(/^JY2310\d{10}$/);
    expect(numbers.size).toBeGreaterThan(20);
  });

  it('moves a validity date that has passed forward by whole years', () => {
    const data = decide('licence-check', 'approve', application(5), { today: '2045-06-01' });
    expect(data.businessLicenceValidUntil).toBe('2045-12-31');
    expect(decide('licence-check', 'approve', application(5)).businessLicenceValidUntil).toBe('2044-12-31');
  });

  it("puts the case's district on a permit number drawn from another district's fixture", () => {
    for (let seed = 0; seed < 10; seed += 1) {
      const data = decide('sign-permit', 'approve', application(6), { abbreviation: '徐', knownAbbreviations: ['黄', '徐', '浦'] }, seed);
      expect(data.signPermitNumber).toMatch(/^徐绿容招〔2026〕\d{4}号$/);
    }
  });

  it('takes a select option and generates a required field no fixture fills', () => {
    const options = new Set(Array.from({ length: 40 }, (_, seed) => decide('delivery', 'approve', application(7), {}, seed).deliveryMethod));
    expect([...options].sort()).toEqual(['electronic', 'mail', 'window']);
    const bare = decide('food-inspection', 'approve', application(8), { templates: [] });
    expect(bare).toEqual({ foodInspectors: expect.stringMatching(/^沪2026\d{6}$/), foodInspectionRecord: '食品经营场所现场核查：核查合格' });
  });
});

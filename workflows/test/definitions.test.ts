import { compile, definitionSchema, hasErrors, validate, type WorkflowDefinition, type WorkflowNode } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { getWorkflow, UnknownWorkflowError, workflowDefinitions } from '../src/index.ts';
import { demoDepartmentKinds } from './helpers/demo-organisation.ts';

/** Warnings each definition carries on purpose (see its README, "Loops"). */
const intendedWarnings: Record<string, string[]> = {
  'open-restaurant': ['return-leaves-parallel-block food-review--licence-check--return'],
  newborn: ['return-leaves-parallel-block medical-insurance-enrolment--hukou-registration--return'],
};

/** Outcomes whose edges may run back against the left-to-right layout: a loop (default: `return` only). */
const loopBacks: Record<string, string[]> = {
  'construction-low-risk': ['return', 'approve'],
  'hotline-ticket': ['return', 'redo', 'unsatisfied'],
};

/**
 * Units each workflow counts its task limits in (default: working days). A 12345 emergency ticket
 * is due the same day, so its limits are hours.
 */
const limitUnits: Record<string, string[]> = {
  'company-setup': ['workingDay', 'workingHour'],
  'hotline-ticket': ['workingDay', 'workingHour', 'hour'],
};

/** Workflows with no promised total for the case: their limits depend on the kind of case (see their READMEs). */
const withoutPromisedTotal = ['hotline-ticket', 'business-deregistration'];

/** The results of each workflow's end events (default: approved and rejected). */
const endResults: Record<string, string[]> = {
  'hotline-ticket': ['answeredAtIntake', 'closed'],
};

/** A limit in hours, for comparing limits of different units (a working day counted as 8 hours). */
function inHours(duration: { amount: number; unit: string }): number {
  return duration.amount * (duration.unit === 'workingDay' ? 8 : duration.unit === 'calendarDay' ? 24 : 1);
}

/** Sizes the console draws node shapes at when unmeasured (designer's `defaultNodeSizes`), in flow pixels. */
const drawnSizes: Record<WorkflowNode['type'], { width: number; height: number }> = {
  startEvent: { width: 40, height: 40 },
  endEvent: { width: 40, height: 40 },
  userTask: { width: 176, height: 84 },
  serviceTask: { width: 176, height: 84 },
  timerEvent: { width: 40, height: 40 },
  callActivity: { width: 176, height: 84 },
  exclusiveGateway: { width: 48, height: 48 },
  parallelGateway: { width: 48, height: 48 },
  inclusiveGateway: { width: 48, height: 48 },
};
/** Free space kept between any two nodes on the canvas, in flow pixels, room for an edge and its label. */
const minimumGap = 40;

const kebabCase = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const hasChinese = /\p{Script=Han}/u;

describe.each(workflowDefinitions.map((input) => [input.key, definitionSchema.parse(input)] as const))(
  'definition %s',
  (_key, definition: WorkflowDefinition) => {
    it('parses with the definition schema', () => {
      expect(definitionSchema.safeParse(definition).success).toBe(true);
    });

    it('validates with no error, and warns only where a return leaves its parallel block on purpose', () => {
      const diagnostics = validate(definition);
      expect(hasErrors(diagnostics)).toBe(false);
      expect(diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.edgeId ?? diagnostic.nodeId ?? ''}`)).toEqual(
        intendedWarnings[definition.key] ?? [],
      );
    });

    it('compiles to a machine with a state for every node that is not a gateway', () => {
      const { machine, meta } = compile(definition);
      expect(meta).toMatchObject({ key: definition.key, version: definition.version });
      const ids = new Set<string>();
      const visit = (state: { id?: string; states?: Record<string, unknown> }): void => {
        if (state.id !== undefined) ids.add(state.id);
        for (const child of Object.values(state.states ?? {})) visit(child as typeof state);
      };
      visit(machine);
      for (const node of definition.nodes.filter((n) => n.type !== 'exclusiveGateway' && n.type !== 'parallelGateway')) {
        expect(ids, node.id).toContain(node.id);
      }
    });

    it('names its nodes and edges with unique kebab-case ids', () => {
      const nodeIds = definition.nodes.map((node) => node.id);
      const edgeIds = definition.edges.map((edge) => edge.id);
      expect(new Set(nodeIds).size).toBe(nodeIds.length);
      expect(new Set(edgeIds).size).toBe(edgeIds.length);
      for (const id of [...nodeIds, ...edgeIds]) expect(id).toMatch(/^[a-z][a-z0-9]*(-{1,2}[a-z0-9]+)*$/);
      for (const id of nodeIds) expect(id).toMatch(kebabCase);
    });

    it('connects only nodes it has', () => {
      const nodeIds = new Set(definition.nodes.map((node) => node.id));
      for (const edge of definition.edges) {
        expect(nodeIds.has(edge.source), `source of ${edge.id}`).toBe(true);
        expect(nodeIds.has(edge.target), `target of ${edge.id}`).toBe(true);
      }
    });

    it('names every node in Simplified Chinese and places it on the canvas', () => {
      expect(definition.name).toMatch(hasChinese);
      for (const node of definition.nodes) {
        expect(node.name, node.id).toMatch(hasChinese);
        expect(node.position, node.id).toBeDefined();
      }
    });

    it('keeps at least the minimum gap between any two nodes as the console draws them', () => {
      const boxes = definition.nodes.map((node) => ({ id: node.id, x: node.position?.x ?? 0, y: node.position?.y ?? 0, ...drawnSizes[node.type] }));
      const crowded = boxes.flatMap((a, i) =>
        boxes.slice(i + 1).flatMap((b) => {
          const apart =
            a.x + a.width + minimumGap <= b.x ||
            b.x + b.width + minimumGap <= a.x ||
            a.y + a.height + minimumGap <= b.y ||
            b.y + b.height + minimumGap <= a.y;
          return apart ? [] : [`${a.id} / ${b.id}`];
        }),
      );
      expect(crowded).toEqual([]);
    });

    it('lays its nodes out left to right along every sequence flow that is not a loop back', () => {
      const x = new Map(definition.nodes.map((node) => [node.id, node.position?.x ?? 0]));
      const backwards = definition.edges.filter((edge) => (x.get(edge.target) ?? 0) < (x.get(edge.source) ?? 0));
      for (const edge of backwards) expect(loopBacks[definition.key] ?? ['return'], edge.id).toContain(edge.outcome);
    });

    it('gives every userTask a demo department kind, the clerk role, outcomes and limits in working time', () => {
      const tasks = definition.nodes.filter((node) => node.type === 'userTask');
      expect(tasks.length).toBeGreaterThan(0);
      for (const task of tasks) {
        expect(demoDepartmentKinds, task.id).toContain(task.department);
        expect(task.candidateRole, task.id).toBe('clerk');
        expect(task.outcomes.length, task.id).toBeGreaterThan(0);
        for (const outcome of task.outcomes) expect(outcome.label, `${task.id}.${outcome.id}`).toMatch(hasChinese);
        for (const field of task.form) expect(field.label, `${task.id}.${field.key}`).toMatch(hasChinese);
        expect(task.sla?.promised, task.id).toBeDefined();
        expect(limitUnits[definition.key] ?? ['workingDay'], task.id).toContain(task.sla?.promised?.unit);
        if (task.sla?.statutory) {
          expect(limitUnits[definition.key] ?? ['workingDay'], task.id).toContain(task.sla.statutory.unit);
          expect(inHours(task.sla.statutory), task.id).toBeGreaterThanOrEqual(inHours(task.sla.promised ?? task.sla.statutory));
        }
      }
      if (definition.promisedSla !== undefined) expect(definition.promisedSla.unit).toBe('workingDay');
      else expect(withoutPromisedTotal, definition.key).toContain(definition.key);
    });

    it('routes every outcome of a task except 补正 by an edge, and no edge by an outcome the task lacks', () => {
      for (const task of definition.nodes.filter((node) => node.type === 'userTask')) {
        const edges = definition.edges.filter((edge) => edge.source === task.id && edge.kind !== 'slaBreach');
        const offered = task.outcomes.map((outcome) => outcome.id);
        for (const outcome of offered.filter((id) => id !== 'requestSupplement')) {
          expect(edges.some((edge) => edge.outcome === outcome), `${task.id} --${outcome}-->`).toBe(true);
        }
        for (const edge of edges) expect(offered, edge.id).toContain(edge.outcome);
      }
    });

    it('ends in each of its results on some path (approved and rejected for a licensing process)', () => {
      const results = definition.nodes.flatMap((node) => (node.type === 'endEvent' ? [node.result] : []));
      expect([...new Set(results)].sort()).toEqual(endResults[definition.key] ?? ['approved', 'rejected']);
    });

    it('describes the application data with a JSON Schema whose required keys are all properties', () => {
      const schema = definition.dataSchema as { properties: Record<string, unknown>; required: string[] };
      expect(schema.required.length).toBeGreaterThan(0);
      for (const key of schema.required) expect(Object.keys(schema.properties)).toContain(key);
    });
  },
);

describe('getWorkflow', () => {
  it('returns the definition with the key', () => {
    expect(getWorkflow('open-restaurant').name).toBe('开办餐饮店"一件事"');
    expect(getWorkflow('newborn').name).toBe('出生"一件事"');
  });

  it('throws an unknown-workflow error that quotes the key', () => {
    expect(() => getWorkflow('open-bakery')).toThrowError(UnknownWorkflowError);
    expect(() => getWorkflow('open-bakery')).toThrowError(/'open-bakery'/);
  });

  it('finds each definition under a distinct key', () => {
    const keys = workflowDefinitions.map((definition) => definition.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

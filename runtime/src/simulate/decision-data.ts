import type { FormField, UserTask } from '@tongban/engine';
import type { WorkflowFixture } from '@tongban/workflows';
import { varyIdentifier } from './identifiers.ts';
import type { SeededRandom } from './seeded-random.ts';

/** A clerk's completion recorded in a fixture, with the case data it was made on. */
export interface DecisionTemplate {
  fixtureId: string;
  nodeId: string;
  outcome: string;
  data: Record<string, unknown>;
  /** The fixture's case data when the decision was made (application, supplements, earlier decisions). */
  caseData: Record<string, unknown>;
}

/**
 * Every completion of `fixtures`, as templates for simulated decisions, with the case data each
 * was made on.
 *
 * Pure: performs no I/O.
 */
export function decisionTemplatesOf(fixtures: readonly WorkflowFixture[]): DecisionTemplate[] {
  const templates: DecisionTemplate[] = [];
  for (const fixture of fixtures) {
    let caseData: Record<string, unknown> = { ...fixture.data };
    for (const action of fixture.script) {
      if (action.action === 'complete') {
        templates.push({ fixtureId: fixture.id, nodeId: action.nodeId, outcome: action.outcome, data: action.data ?? {}, caseData });
      }
      if (action.action === 'complete' || action.action === 'supplement') caseData = { ...caseData, ...(action.data ?? {}) };
    }
  }
  return templates;
}

/** What {@link decisionData} fills a form from. */
export interface DecisionContext {
  node: UserTask;
  outcome: string;
  /** The case's data now (the shared record: application and earlier results). */
  caseData: Record<string, unknown>;
  /** Every template of the workflow; those of this node and outcome are used. */
  templates: readonly DecisionTemplate[];
  /** The virtual day of the decision, `YYYY-MM-DD` (local). */
  today: string;
  /** Abbreviation of the case's district on permit numbers (黄), and every abbreviation known, to swap one for it. */
  abbreviation?: string;
  knownAbbreviations?: readonly string[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Outcomes that decide without the form: its required fields are not asked for (as the runtime checks completions). */
const OUTCOMES_WITHOUT_FORM = new Set(['reject', 'return', 'requestSupplement']);

/**
 * The form data of a clerk's decision: the fields a fixture filled for the same node and outcome
 * (one fixture drawn), and every required field unless the outcome is `reject`, `return` or
 * `requestSupplement` (which decide without the form). Each value is what a clerk would enter:
 *
 * - a field that is also case data is the case's value (the window verifies what was applied for);
 * - a text the fixture copied from its case data is copied from this case's (the licence number
 *   checked is the credit code applied with);
 * - a licence or permit number is a new one shaped like the fixture's (see `varyIdentifier`),
 *   with the case's district abbreviation;
 * - a date that has passed is moved forward by whole years; a `select` takes one of its options;
 * - a required field no fixture fills is generated from its type and label, and the outcome's
 *   `reasonField` (where a rejection or a return states its reason) from {@link decisionReason}.
 *
 * Only fields of the node's form are returned, each of its type.
 *
 * Pure: performs no I/O (draws from `random`).
 */
export function decisionData(random: SeededRandom, context: DecisionContext): Record<string, unknown> {
  const { node, outcome, caseData } = context;
  const matching = context.templates.filter((t) => t.nodeId === node.id && t.outcome === outcome);
  const template = matching.length > 0 ? random.pick(matching) : undefined;
  const year = Number(context.today.slice(0, 4));
  const formNeeded = !OUTCOMES_WITHOUT_FORM.has(outcome);
  const reasonField = node.outcomes.find((o) => o.id === outcome)?.reasonField;
  const data: Record<string, unknown> = {};
  for (const field of node.form) {
    const fromTemplate = template !== undefined && field.key in template.data;
    if (field.key === reasonField && !fromTemplate) {
      data[field.key] = decisionReason(node, outcome);
      continue;
    }
    if (!fromTemplate && !(field.required && formNeeded)) continue;
    if (field.key in caseData && fitsField(field, caseData[field.key])) {
      data[field.key] = caseData[field.key];
      continue;
    }
    const value = fromTemplate ? templateValue(random, field, template, context, year) : generated(random, field, context, year);
    if (value !== undefined) data[field.key] = value;
  }
  return data;
}

/**
 * A reason a clerk writes for `outcome` of `node` when no fixture gives one (a refusal states its
 * reasons, 行政许可法 art. 38), e.g. `经营业执照核验，不符合法定条件和标准：核验不通过`.
 *
 * Pure: performs no I/O.
 */
export function decisionReason(node: UserTask, outcome: string): string {
  const label = outcomeLabel(node, outcome);
  if (outcome === 'reject') return `经${node.name}，不符合法定条件和标准：${label}`;
  if (outcome === 'return') return `${node.name}发现申请材料与实际情况不符：${label}`;
  return `${node.name}：${label}`;
}

function templateValue(random: SeededRandom, field: FormField, template: DecisionTemplate, context: DecisionContext, year: number): unknown {
  const value = template.data[field.key];
  const copiedFrom =
    typeof value === 'string' && value.length >= 4
      ? Object.keys(template.caseData).find((key) => key !== field.key && template.caseData[key] === value)
      : undefined;
  if (copiedFrom !== undefined && copiedFrom in context.caseData && fitsField(field, context.caseData[copiedFrom])) {
    return context.caseData[copiedFrom];
  }
  switch (field.type) {
    case 'select':
      return field.options && field.options.length > 0 ? random.pick(field.options).value : value;
    case 'date':
      return typeof value === 'string' ? notBefore(value, context.today) : value;
    case 'text':
      return typeof value === 'string' ? withAbbreviation(varyIdentifier(random, value, year), context) : value;
    default:
      return value;
  }
}

function generated(random: SeededRandom, field: FormField, context: DecisionContext, year: number): unknown {
  switch (field.type) {
    case 'number':
      return random.int(1, 100);
    case 'boolean':
      return true;
    case 'date':
      return `${year + 1}${context.today.slice(4)}`;
    case 'select':
      return field.options && field.options.length > 0 ? random.pick(field.options).value : undefined;
    case 'textarea':
      return `${context.node.name}：${outcomeLabel(context.node, context.outcome)}`;
    case 'text': {
      let digits = '';
      while (digits.length < 6) digits += String(random.int(0, 9));
      return `${context.abbreviation ?? '沪'}${year}${digits}`;
    }
  }
}

function outcomeLabel(node: UserTask, outcome: string): string {
  return node.outcomes.find((o) => o.id === outcome)?.label ?? outcome;
}

function fitsField(field: FormField, value: unknown): boolean {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && DATE.test(value);
    case 'select':
      return typeof value === 'string' && (field.options ?? []).some((o) => o.value === value);
    default:
      return typeof value === 'string' && value !== '';
  }
}

/** `date` (`YYYY-MM-DD`) moved forward by whole years until it is not before `today`. */
function notBefore(date: string, today: string): string {
  const match = DATE.exec(date);
  if (!match) return date;
  let year = Number(match[1]);
  const rest = `-${match[2]}-${match[3]}`;
  const shifted = () => `${year}${rest === '-02-29' ? '-02-28' : rest}`;
  while (shifted() < today) year += 1;
  return year === Number(match[1]) ? date : shifted();
}

function withAbbreviation(value: string, context: DecisionContext): string {
  const first = value.slice(0, 1);
  if (context.abbreviation === undefined || !context.knownAbbreviations?.includes(first)) return value;
  return context.abbreviation + value.slice(1);
}

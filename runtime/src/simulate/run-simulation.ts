import { addWorkingMinutes, formatLocalDate, formatLocalDateTime, getCalendar, outcomeNeedsReason } from '@tongban/engine';
import type { UserTask } from '@tongban/engine';
import { workflowFixtures, type WorkflowFixture } from '@tongban/workflows';
import { loadOrganisationSeed, type OrganisationSeed } from '../seed/organisation-seed.ts';
import { ApiClient, type Credentials } from './api-client.ts';
import type {
  ApiCase,
  ApiCaseDetail,
  ApiClock,
  ApiClockAdvance,
  ApiCompletion,
  ApiDefinitionVersion,
  ApiDepartment,
  ApiEscalation,
  ApiInboxItem,
  ApiJurisdiction,
  ApiPage,
} from './api.types.ts';
import type { SupplementItem } from '../db/schema/index.ts';
import { applicantPool, generateApplication, supplementDocuments, type Application } from './application-generator.ts';
import { chooseOutcome } from './choose-outcome.ts';
import { decisionData, decisionReason, decisionTemplatesOf } from './decision-data.ts';
import { ApiRequestError } from './errors/api-request.error.ts';
import { SimulationError } from './errors/simulation.error.ts';
import type { ProgressSink } from './progress.ts';
import { createSeededRandom } from './seeded-random.ts';
import type { SimulationOptions } from './simulation-options.ts';
import { buildReport, workingDayMinutes, type RunFacts, type SimulationReport, type StopReason } from './simulation-report.ts';
import {
  alignToWorkingTime,
  districtResolver,
  filingPlaces,
  clockKeeperOf,
  observerOf,
  parsedDefinition,
  signInDesks,
  type Desk,
} from './simulation-setup.ts';


/** The document a simulated 补正 asks for when the case has none of the fields the fixtures supply. */
const SUPPLEMENT_DOCUMENT = '补充材料';

/** What a run reports to and reads from outside the options. */
export interface SimulationHooks {
  progress?: ProgressSink;
  /** The organisation the system was seeded with (its demo users log in); default `seed/organisation.json`. */
  organisation?: OrganisationSeed;
  /** Case fixtures the applications and decisions are varied from; default those of `@tongban/workflows`. */
  fixtures?: readonly WorkflowFixture[];
}

/** One simulated application and what the simulation knows of its case. */
interface SimCase {
  index: number;
  application: Application;
  arrivalRound: number;
  id?: string;
  /** `unfiled` until its arrival round; `refused` when the API refused the application. */
  status: ApiCase['status'] | 'unfiled' | 'refused';
  data: Record<string, unknown>;
  /** Round in which the applicant delivers the supplement asked for. */
  supplementRound?: number;
  supplementsDelivered: number;
  /** Activations seen per node. */
  visits: Map<string, number>;
  /** Nodes that returned the case or sent it round a loop. */
  looped: Set<string>;
  /** Nodes that asked this case for a supplement. */
  supplemented: Set<string>;
  /** Documents the pending 补正 asks for (handed in with the supplement). */
  askedDocuments: string[];
}

/** What the simulation remembers of one task activation. */
interface TaskMemo {
  visit: number;
  decisions: number;
  /** The round from which the clerk works on it (later than its first sight when handled slowly). */
  from: number;
}

/** Rounds without any movement after which the loop gives up. */
const STALL_ROUNDS = 10;
const PAGE = 200;
/** Upper bound of pages read of one list: 200 × 500 = 100 000 rows. */
const MAX_PAGES = 500;
const MAX_REFUSAL_EXAMPLES = 10;

/**
 * Runs a simulation against a running Tongban (`tongban start --virtual-clock`) over its HTTP
 * API, and reports it:
 *
 * 1. signs in a supervisor of the city (to read every case), an admin (to move the virtual clock)
 *    and the demo clerks of every department the workflow's userTasks can be routed to
 *    (`seed/organisation.json`);
 * 2. files `cases` applications (`POST /cases`, citizen portal's API key, `Idempotency-Key`),
 *    varied from the workflow's fixtures and spread over the jurisdictions, evenly over the first
 *    `arrivalDays` rounds;
 * 3. each round (one working day): delivers the supplements due (`POST /cases/{id}/supplement`);
 *    every department decides up to `capacity` of its inbox, soonest statutory limit first
 *    (claim, then complete with a drawn outcome, a filled form and, for a rejection or a return,
 *    a reason), a slow clerk leaving a task for some rounds; then the virtual clock moves one
 *    working day (`POST /clock/advance`, as the admin), so at-risk and breach timers fire;
 * 4. stops when every case is completed, after `maxRounds`, or after 10 rounds in which nothing
 *    moved; then reads every case's detail and the escalations and builds the report.
 *
 * Every draw comes from a stream forked from `seed` by what it is for (a case, a task's n-th
 * decision), and work is ordered by due date, case and node, so the same seed on a fresh system
 * gives the same report (but for times and ids).
 *
 * @throws SimulationError when the clock is not virtual, a jurisdiction is unknown, the workflow
 *   has no fixture, or no clerk can be signed in; ApiRequestError / ApiUnreachableError when the
 *   API fails otherwise.
 */
export async function runSimulation(options: SimulationOptions, hooks: SimulationHooks = {}): Promise<SimulationReport> {
  const startedAt = performance.now();
  const organisation = hooks.organisation ?? loadOrganisationSeed();
  const api = new ApiClient({ baseUrl: options.url, timeoutMs: options.timeoutMs, concurrency: options.concurrency });
  const random = createSeededRandom(options.seed);
  const password = options.password ?? organisation.demoPassword;
  const portal: Credentials = { apiKey: options.apiKey };
  const sessions: Credentials[] = [];
  const signIn = async (username: string): Promise<Credentials> => {
    const { token } = await api.login(username, password);
    const session = { token };
    sessions.push(session);
    return session;
  };

  try {
    const observer = await signIn(observerOf(organisation));
    const clockKeeper = await signIn(clockKeeperOf(organisation));
    const clock = await api.get<ApiClock>('/clock', { as: observer });
    if (!clock.virtual) {
      throw new SimulationError('clock-not-virtual', `Tongban at ${api.baseUrl} runs on the system clock; start it with --virtual-clock to simulate`);
    }
    const published = await api.get<ApiDefinitionVersion>(`/definitions/${encodeURIComponent(options.workflow)}/versions/latest`, { as: observer });
    const definition = parsedDefinition(published);
    const calendar = getCalendar(definition.calendar);
    const userTasks = new Map(definition.nodes.filter((n): n is UserTask => n.type === 'userTask').map((n) => [n.id, n]));
    const fixtures = (hooks.fixtures ?? workflowFixtures).filter((f) => f.workflow === definition.key);
    if (fixtures.length === 0) {
      throw new SimulationError('no-fixtures', `Workflow '${definition.key}' has no case fixture to vary applications from`, { workflow: definition.key });
    }
    const templates = decisionTemplatesOf(fixtures);
    const supplementKeys = [...new Set(fixtures.flatMap((f) => f.script.flatMap((a) => (a.action === 'supplement' ? Object.keys(a.data ?? {}) : []))))];

    const { items: jurisdictions } = await api.get<{ items: ApiJurisdiction[] }>('/jurisdictions', { as: observer });
    const { items: departments } = await api.get<{ items: ApiDepartment[] }>('/departments', { as: observer });
    const places = filingPlaces(jurisdictions, options.jurisdictions);
    const desks = await signInDesks(organisation, departments, jurisdictions, places, [...userTasks.values()], signIn);
    if (desks.length === 0) {
      throw new SimulationError('no-clerks', `No demo clerk of the organisation works in a department that tasks of '${definition.key}' go to`);
    }

    let now = await alignToWorkingTime(api, clockKeeper, calendar, new Date(clock.now));
    const clockStart = now;
    const cases: SimCase[] = Array.from({ length: options.cases }, (_, index) => {
      const caseRandom = random.fork(`case:${index}`);
      const place = caseRandom.pick(places);
      const application = generateApplication(caseRandom, { place, dataSchema: definition.dataSchema, templates: fixtures });
      return {
        index,
        application,
        arrivalRound: 1 + Math.floor((index * Math.max(1, options.arrivalDays)) / Math.max(1, options.cases)),
        status: 'unfiled',
        data: application.data,
        supplementsDelivered: 0,
        visits: new Map(),
        looped: new Set(),
        supplemented: new Set(),
        askedDocuments: [],
      };
    });
    const byId = new Map<string, SimCase>();
    const memos = new Map<string, TaskMemo>();
    const runId = `${options.seed}-${clockStart.toISOString()}`;
    const facts = {
      timersFired: {} as Record<string, number>,
      decisions: {} as Record<string, number>,
      slowTasks: 0,
      supplements: 0,
      refused: { count: 0, examples: [] as string[] },
    };
    const refuse = (error: ApiRequestError) => {
      facts.refused.count += 1;
      if (facts.refused.examples.length < MAX_REFUSAL_EXAMPLES) facts.refused.examples.push(error.message);
    };
    const abbreviations = Object.values(applicantPool.places).flatMap((p) => (p.abbreviation ? [p.abbreviation] : []));
    const districtOf = districtResolver(jurisdictions);

    hooks.progress?.start(options.cases);
    let round = 0;
    let quiet = 0;
    let stoppedBecause: StopReason;
    for (;;) {
      round += 1;
      let moved = 0;

      const arriving = cases.filter((c) => c.arrivalRound === round);
      await Promise.all(
        arriving.map(async (c) => {
          try {
            const filed = await api.post<ApiCase>('/cases', {
              as: portal,
              headers: { 'Idempotency-Key': `simulate-${runId}-${c.index}` },
              body: {
                definitionKey: definition.key,
                jurisdiction: c.application.jurisdiction,
                applicant: c.application.applicant,
                data: c.application.data,
              },
            });
            c.id = filed.id;
            c.status = filed.status;
            c.data = filed.data;
            byId.set(filed.id, c);
          } catch (error) {
            if (!(error instanceof ApiRequestError) || error.status >= 500) throw error;
            c.status = 'refused';
            refuse(error);
          }
        }),
      );
      moved += arriving.length;

      const supplying = cases.filter((c) => c.status === 'suspended' && c.supplementRound !== undefined && c.supplementRound <= round);
      await Promise.all(
        supplying.map(async (c) => {
          const supplyRandom = random.fork(`supplement:${c.index}:${c.supplementsDelivered}`);
          const data = Object.fromEntries(supplementKeys.filter((key) => key in c.data).map((key) => [key, c.data[key]]));
          try {
            const resumed = await api.post<ApiCase>(`/cases/${c.id}/supplement`, {
              as: portal,
              body: { data, documents: [...supplementDocuments(supplyRandom), ...c.askedDocuments] },
            });
            c.status = resumed.status;
            c.data = resumed.data;
            c.supplementsDelivered += 1;
            facts.supplements += 1;
          } catch (error) {
            if (!(error instanceof ApiRequestError) || error.status >= 500) throw error;
            if (error.status === 409) await refresh(c);
            else refuse(error);
          }
          c.supplementRound = undefined;
        }),
      );
      moved += supplying.length;

      const inboxes = await Promise.all(desks.map(async (desk) => ({ desk, items: await inboxOf(desk) })));
      const seen = new Set<SimCase>();
      const work: { item: ApiInboxItem; clerk: Credentials }[] = [];
      let waiting = 0;
      for (const { desk, items } of inboxes) {
        const mine = items
          .map((item) => ({ item, c: byId.get(item.caseId) }))
          .filter((x): x is { item: ApiInboxItem; c: SimCase } => x.c !== undefined)
          .sort((a, b) => compareWork(a.item, a.c, b.item, b.c));
        let taken = 0;
        for (const { item, c } of mine) {
          seen.add(c);
          const memo = memoOf(item, c);
          if (item.case.status === 'suspended' || memo.from > round) {
            waiting += 1;
            continue;
          }
          if (taken >= options.capacity) continue;
          work.push({ item, clerk: desk.clerks[taken % desk.clerks.length] as Credentials });
          taken += 1;
        }
      }

      const byCase = new Map<SimCase, typeof work>();
      for (const entry of work) {
        const c = byId.get(entry.item.caseId) as SimCase;
        byCase.set(c, [...(byCase.get(c) ?? []), entry]);
      }
      const today = formatLocalDate(calendar, now);
      await Promise.all(
        [...byCase].map(async ([c, entries]) => {
          entries.sort((a, b) => a.item.nodeId.localeCompare(b.item.nodeId) || a.item.activationId.localeCompare(b.item.activationId));
          for (const { item, clerk } of entries) {
            if (c.status === 'completed' || c.status === 'suspended') break;
            await decide(c, item, clerk, today);
          }
        }),
      );
      moved += work.length;

      const idle = cases.filter((c) => c.id !== undefined && c.status === 'active' && !seen.has(c) && !byCase.has(c));
      await Promise.all(idle.map((c) => refresh(c)));
      moved += idle.filter((c) => c.status === 'completed').length;

      const completed = cases.filter((c) => c.status === 'completed').length;
      hooks.progress?.update({ round, filed: byId.size, completed, clock: formatLocalDateTime(calendar, now) });
      quiet = moved === 0 && waiting === 0 ? quiet + 1 : 0;
      if (cases.every((c) => c.status === 'completed' || c.status === 'refused')) {
        stoppedBecause = 'allCompleted';
        break;
      }
      if (round >= options.maxRounds) {
        stoppedBecause = 'roundLimit';
        break;
      }
      if (quiet >= STALL_ROUNDS) {
        stoppedBecause = 'stalled';
        break;
      }

      const target = addWorkingMinutes(calendar, now, workingDayMinutes(calendar)).dueAt;
      const advanced = await api.post<ApiClockAdvance>('/clock/advance', {
        as: clockKeeper,
        body: { to: target.toISOString() },
        timeoutMs: options.timeoutMs * 10,
      });
      now = new Date(advanced.now);
      for (const timer of advanced.fired) facts.timersFired[timer.kind] = (facts.timersFired[timer.kind] ?? 0) + 1;
      if (advanced.fired.length > 0) quiet = 0;
    }
    hooks.progress?.stop();

    const filed = cases.filter((c) => c.id !== undefined);
    const details = await Promise.all(filed.map((c) => api.get<ApiCaseDetail>(`/cases/${c.id}`, { as: observer })));
    const mineIds = new Set(filed.map((c) => c.id));
    const escalations = (await allPages<ApiEscalation>('/monitor/escalations', observer)).filter((n) => n.caseId !== null && mineIds.has(n.caseId));
    const runFacts: RunFacts = {
      seed: options.seed,
      settings: {
        cases: options.cases,
        rates: options.rates,
        slowDays: options.slowDays,
        supplementDays: options.supplementDays,
        capacity: options.capacity,
        arrivalDays: options.arrivalDays,
        maxRounds: options.maxRounds,
        jurisdictions: places.map((p) => p.id),
      },
      rounds: round,
      stoppedBecause,
      wallSeconds: Number(((performance.now() - startedAt) / 1000).toFixed(1)),
      clockStart: formatLocalDateTime(calendar, clockStart),
      clockEnd: formatLocalDateTime(calendar, now),
      requests: api.stats.requests,
      conflicts: api.stats.conflicts,
      retries: api.stats.retries,
      ...facts,
    };
    return buildReport({ definition: { ...definition, version: published.version }, calendar, cases: details, escalations, departments, facts: runFacts });

    async function decide(c: SimCase, item: ApiInboxItem, clerk: Credentials, today: string): Promise<void> {
      const node = userTasks.get(item.nodeId);
      if (!node) return;
      const memo = memoOf(item, c);
      const draw = random.fork(`decide:${c.index}:${item.nodeId}:${memo.visit}:${memo.decisions}`);
      memo.decisions += 1;
      const choice = chooseOutcome(draw, node, definition.edges, options.rates, {
        mayLoop: !c.looped.has(node.id),
        maySupplement: !c.supplemented.has(node.id),
      }, options.outcomeShares?.[node.id]);
      const district = districtOf(c.application.jurisdiction);
      const abbreviation = district ? applicantPool.places[district]?.abbreviation : undefined;
      const data = decisionData(draw, {
        node,
        outcome: choice.outcome,
        caseData: c.data,
        templates,
        today,
        knownAbbreviations: abbreviations,
        ...(abbreviation === undefined ? {} : { abbreviation }),
      });
      const outcome = node.outcomes.find((o) => o.id === choice.outcome);
      const written = outcome?.reasonField === undefined ? undefined : data[outcome.reasonField];
      const reason =
        outcome && outcomeNeedsReason(definition.schemaVersion, outcome)
          ? typeof written === 'string' && written.trim() !== ''
            ? written
            : decisionReason(node, choice.outcome)
          : undefined;
      try {
        if (item.status === 'open') await api.post(`/tasks/${item.id}/claim`, { as: clerk });
        const done = await api.post<ApiCompletion>(`/tasks/${item.id}/complete`, {
          as: clerk,
          body: {
            outcome: choice.outcome,
            data,
            comment: outcome?.label ?? null,
            ...(reason === undefined ? {} : { reason }),
            ...(choice.returnTo === undefined ? {} : { returnTo: choice.returnTo }),
            ...(choice.outcome === 'requestSupplement' ? { supplementItems: supplementItemsFor(c) } : {}),
          },
        });
        c.status = done.case.status;
        c.data = done.case.data;
        facts.decisions[choice.outcome] = (facts.decisions[choice.outcome] ?? 0) + 1;
        if (choice.outcome === 'requestSupplement') {
          c.supplemented.add(node.id);
          c.supplementRound = round + draw.int(options.supplementDays[0], options.supplementDays[1]);
        } else if (choice.outcome !== 'approve' && choice.outcome !== 'reject') {
          c.looped.add(node.id);
        }
      } catch (error) {
        if (!(error instanceof ApiRequestError) || error.status >= 500) throw error;
        if (error.status === 409) await refresh(c);
        else refuse(error);
      }
    }

    function memoOf(item: ApiInboxItem, c: SimCase): TaskMemo {
      const known = memos.get(item.id);
      if (known) return known;
      const visit = (c.visits.get(item.nodeId) ?? 0) + 1;
      c.visits.set(item.nodeId, visit);
      const slow = random.fork(`slow:${c.index}:${item.nodeId}:${visit}`);
      const memo: TaskMemo = { visit, decisions: 0, from: round };
      if (slow.chance(options.rates.slowRate)) {
        memo.from = round + slow.int(options.slowDays[0], options.slowDays[1]);
        facts.slowTasks += 1;
      }
      memos.set(item.id, memo);
      return memo;
    }

    /**
     * What a 补正 of case `c` asks for: the fields the applicant supplies (those of the workflow's
     * fixtures that the case has), or, when it has none, one document, which the supply hands in.
     */
    function supplementItemsFor(c: SimCase): SupplementItem[] {
      const fields = supplementKeys.filter((key) => key in c.data);
      c.askedDocuments = fields.length === 0 ? [SUPPLEMENT_DOCUMENT] : [];
      if (fields.length === 0) return [{ kind: 'document', document: SUPPLEMENT_DOCUMENT, note: '请补充提交' }];
      return fields.map((field) => ({ kind: 'field', field, note: '请核对并补正' }));
    }

    async function refresh(c: SimCase): Promise<void> {
      const detail = await api.get<ApiCaseDetail>(`/cases/${c.id}`, { as: observer });
      c.status = detail.case.status;
      c.data = detail.case.data;
    }

    async function inboxOf(desk: Desk): Promise<ApiInboxItem[]> {
      const query = `definitionKey=${encodeURIComponent(definition.key)}`;
      return allPages<ApiInboxItem>(`/tasks?${query}`, desk.clerks[0] as Credentials);
    }

    async function allPages<T>(path: string, as: Credentials): Promise<T[]> {
      const items: T[] = [];
      const separator = path.includes('?') ? '&' : '?';
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const result = await api.get<ApiPage<T>>(`${path}${separator}limit=${PAGE}&offset=${page * PAGE}`, { as });
        items.push(...result.items);
        if (result.items.length < PAGE || items.length >= result.total) break;
      }
      return items;
    }
  } finally {
    hooks.progress?.stop();
    await Promise.allSettled(sessions.map((as) => api.post('/auth/logout', { as })));
  }
}

/** Order of work in an inbox: soonest statutory limit first (none last), then case, node and activation. */
function compareWork(a: ApiInboxItem, ca: SimCase, b: ApiInboxItem, cb: SimCase): number {
  const due = (item: ApiInboxItem) => (item.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(item.dueAt));
  return due(a) - due(b) || ca.index - cb.index || a.nodeId.localeCompare(b.nodeId) || a.activationId.localeCompare(b.activationId);
}

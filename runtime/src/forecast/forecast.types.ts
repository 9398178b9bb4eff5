import type { MachineConfigJson, PersistedCaseSnapshot, UserTask, WorkflowDefinition } from '@tongban/engine';
import type { DecisionRates } from '../simulate/choose-outcome.ts';
import type { DecisionTemplate } from '../simulate/decision-data.ts';
import type { RouteTable } from './route-table.ts';

/**
 * Times in the forecast model are working days counted from the forecast's start on the case's
 * business calendar (0 = now; day `k` of the horizon is the interval (k − 1, k]).
 */
export type WorkingDayOffset = number;

/** A workflow version the open cases run on, compiled, with how its clerks decide. */
export interface ForecastWorkflow {
  definition: WorkflowDefinition;
  machine: MachineConfigJson;
  /** userTasks by node id. */
  userTasks: ReadonlyMap<string, UserTask>;
  /** Outcome rates per decision: measured from the audit trail, or the simulation profile's. */
  rates: DecisionRates;
  /** Shares of particular outcomes of particular nodes (the simulation profile's). */
  outcomeShares: Record<string, Record<string, number>>;
  /** Decisions recorded in the workflow's fixtures, varied into the forms the clerks fill. */
  templates: readonly DecisionTemplate[];
  /** An applicant asked for a supplement (补正) delivers it after this many working days (min, max). */
  supplementDays: [number, number];
}

/** An open task as it is now. */
export interface OpenTaskState {
  taskId: string;
  nodeId: string;
  departmentId: string;
  /** When its statutory limit runs out; undefined when it has none. */
  dueAt: WorkingDayOffset | undefined;
  /** Working days it has been open (creation to now). */
  age: number;
}

/** An open case as it is now: its engine snapshot and its open tasks. */
export interface OpenCaseState {
  caseId: string;
  caseNumber: string;
  /** Key of its entry in {@link ForecastInput.workflows}: `key@version`. */
  workflow: string;
  /** Undefined for a case not yet filed ({@link arrivesOn}). */
  snapshot: PersistedCaseSnapshot | undefined;
  /** A case filed on this working day of the horizon (a back-test's history); undefined for one open now. */
  arrivesOn?: number;
  data: Record<string, unknown>;
  /**
   * Why its clocks stand still now: waiting for the applicant (`supplement`, 补正, resumed by
   * `case.supplement`) or a legally uncounted period (`other`, resumed by `case.resume`); undefined
   * while it runs.
   */
  suspension: 'supplement' | 'other' | undefined;
  tasks: OpenTaskState[];
  /**
   * The departments new tasks of this case go to, by department kind and level of the userTask
   * (or of its instance), resolved from the case's jurisdiction; shared by the cases of one
   * jurisdiction.
   */
  routes: RouteTable;
}

/** How a department works: measured from its recorded decisions, or the simulation profile's. */
export interface DepartmentWork {
  departmentId: string;
  name: string;
  /** Clerks who can decide its tasks. */
  clerks: number;
  /** Tasks one clerk decides per working day. */
  tasksPerClerkPerDay: number;
  /**
   * Working days from a task's creation to its decision, ascending (the handling-time
   * distribution the waiting time of a new task is drawn from).
   */
  handlingDays: readonly number[];
  /** `history` when measured from enough decisions, `profile` when the simulation profile stands in. */
  source: 'history' | 'profile';
  /** Decisions the figures were measured over. */
  decisions: number;
}

/** A change to the departments the forecast is run under as well. */
export interface WhatIf {
  /** Clerks added (positive) or removed (negative) per department id. */
  clerks?: Record<string, number>;
  /** Departments closed for one working day of the horizon (1 = the first). */
  closures?: { departmentId: string; day: number }[];
}

/** What one forecast is run on: the open cases, the departments, and its settings. */
export interface ForecastInput {
  workflows: ReadonlyMap<string, ForecastWorkflow>;
  cases: readonly OpenCaseState[];
  departments: ReadonlyMap<string, DepartmentWork>;
  /** Working days run forward. */
  horizonDays: number;
  /** Monte Carlo runs. */
  runs: number;
  /** Seed of every draw: the same seed on the same state gives the same answer. */
  seed: number;
  /** `YYYY-MM-DD` of the start, the day stamped on the clerks' forms. */
  today: string;
}

/** One open task's forecast. */
export interface TaskRisk {
  taskId: string;
  caseId: string;
  caseNumber: string;
  nodeId: string;
  departmentId: string;
  dueAt: WorkingDayOffset | undefined;
  /** Past its statutory limit already: a breach whatever happens. */
  overdue: boolean;
  /** Share of runs in which it breaches its statutory limit within the horizon, 0–1. */
  breachProbability: number;
}

/** One department's forecast. */
export interface DepartmentRisk {
  departmentId: string;
  name: string;
  /** Mean over runs of its tasks (open now or opened within the horizon) that breach. */
  expectedBreaches: number;
  /** The part of it among the tasks open now. */
  expectedBreachesOfOpenTasks: number;
  /** Mean over runs of its tasks decided within the horizon. */
  expectedDecisions: number;
  clerks: number;
  tasksPerClerkPerDay: number;
  source: DepartmentWork['source'];
}

/** The answer of one forecast under one set of departments. */
export interface ForecastResult {
  tasks: TaskRisk[];
  /** Most expected breaches first. */
  departments: DepartmentRisk[];
  /** Mean over runs of all breaches. */
  expectedBreaches: number;
  /** Engine steps actually computed (the rest were reused from earlier runs). */
  engineSteps: number;
}

/** A task as a run ended it: decided, closed by the process, or still open at the horizon's end. */
export interface EndedTask {
  caseId: string;
  taskId: string;
  nodeId: string;
  departmentId: string | undefined;
  openedAt: WorkingDayOffset;
  dueAt: WorkingDayOffset | undefined;
  endedAt: WorkingDayOffset;
  /** `decided` by a clerk, `closed` by the process, `open` at the horizon's end. */
  how: 'decided' | 'closed' | 'open';
}

/** What a run reports as it goes (a back-test's history is read through it). */
export interface RunObserver {
  /** At the end of working day `day`: the open cases as they stand, counted from that day. */
  endOfDay?(day: number, cases: () => OpenCaseState[]): void;
  taskEnded?(task: EndedTask): void;
}

import type { DecisionRates } from './choose-outcome.ts';

/** What one simulation run does. */
export interface SimulationOptions {
  /** Where Tongban runs, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** Key of the workflow whose latest published version the cases are filed on. */
  workflow: string;
  /** Cases to file. */
  cases: number;
  /** Seed of every random draw: the same seed on a fresh system gives the same run. */
  seed: number;
  /** Per decision: return, reject and supplement rates, and the share of tasks handled slowly. */
  rates: DecisionRates & { slowRate: number };
  /**
   * Shares of particular outcomes of particular tasks (node id → outcome id → share 0–1), drawn
   * before `rates`: the workflow's simulation profile (`<workflow>/simulation.json`).
   */
  outcomeShares?: Record<string, Record<string, number>>;
  /** A slow clerk leaves a task this many working days (min, max). */
  slowDays: [number, number];
  /** An applicant asked for a supplement (补正) delivers it after this many working days (min, max). */
  supplementDays: [number, number];
  /** Tasks each department decides per working day. */
  capacity: number;
  /** The cases are filed evenly over this many first working days. */
  arrivalDays: number;
  /** The loop stops after this many rounds (working days) at the latest. */
  maxRounds: number;
  /** Jurisdictions the cases are spread over; default every district and sub-district. */
  jurisdictions?: string[];
  /** Password of the demo users; default the seed's (`tongban123`). */
  password?: string;
  /** The citizen portal's API key (`X-Api-Key`) used to file cases and supplements. */
  apiKey: string;
  /** HTTP requests in flight at once. */
  concurrency: number;
  /** Longest wait for one answer, ms (moving the clock may take longer: 10 × this). */
  timeoutMs: number;
}

/**
 * Default rates, from domain.md §4 "Suggested simulation defaults" (modelling assumptions, not
 * statistics): returns 5–10% of dispatched work → 0.07; 补正 on first submission 20–40% on paper,
 * lower for guided online forms → 0.2; overdue rates of 0.5–2% are realistic for stress tests →
 * slow handling 0.02. §4 gives no rejection figure: 0.02 per decision is an assumption.
 */
export const defaultRates: SimulationOptions['rates'] = {
  returnRate: 0.07,
  rejectRate: 0.02,
  supplementRate: 0.2,
  slowRate: 0.02,
};

/** Defaults of everything but `url`, `workflow`, `cases` and `apiKey`. */
export const simulationDefaults = {
  seed: 1,
  rates: defaultRates,
  slowDays: [3, 8] as [number, number],
  supplementDays: [1, 5] as [number, number],
  capacity: 40,
  arrivalDays: 10,
  maxRounds: 120,
  concurrency: 8,
  timeoutMs: 30_000,
} satisfies Partial<SimulationOptions>;

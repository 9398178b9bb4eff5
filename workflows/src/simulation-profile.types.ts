/**
 * The shape of a simulation profile (`<workflow>/simulation.json`): how often simulated clerks
 * decide what, for `tongban simulate`, each rate with where it comes from.
 * @module
 */

/** A rate 0–1 and its source: a published figure (with where it was published) or `assumption`. */
export interface SourcedRate {
  value: number;
  /** Where the figure was published, or a sentence starting with `assumption`. */
  source: string;
}

/** The simulation profile of one workflow. */
export interface SimulationProfile {
  /** Key of the workflow definition it is for. */
  workflow: string;
  /** Per decision of any task, as `tongban simulate --return-rate` and the like set them. */
  rates: {
    /** 退回 and designer-named loop outcomes without a share of their own. */
    returnRate: SourcedRate;
    /** `reject`. */
    rejectRate: SourcedRate;
    /** `requestSupplement` (补正), once per task and case. */
    supplementRate: SourcedRate;
    /** Tasks a clerk leaves for some working days (which is how limits get breached). */
    slowRate: SourcedRate;
  };
  /**
   * Shares of particular outcomes of particular tasks, by node id and outcome id, drawn before the
   * rates above (e.g. the 12345 tickets answered at intake).
   */
  outcomes?: Record<string, Record<string, SourcedRate>>;
}

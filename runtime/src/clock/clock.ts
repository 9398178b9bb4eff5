/** Time as a port: production reads the wall clock, simulation and tests a virtual clock. */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** True for a clock that moves only when told (see {@link VirtualClock}). */
  readonly virtual: boolean;
}

/** A clock that moves only when told; its instant is persisted so a restart keeps the time. */
export interface VirtualClock extends Clock {
  readonly virtual: true;
  /** Moves the clock to `to` (never backwards: an earlier instant is ignored) and persists it. */
  set(to: Date): Promise<void>;
}

/** The wall clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  virtual: false,
};

/** True when `clock` is a {@link VirtualClock}. */
export function isVirtualClock(clock: Clock): clock is VirtualClock {
  return clock.virtual;
}

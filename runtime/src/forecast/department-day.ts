import type { SeededRandom } from '../simulate/seeded-random.ts';
import type { DepartmentWork, WhatIf } from './forecast.types.ts';
import type { RunTask } from './run-case.ts';

/** Soonest statutory limit first (none last), then by {@link RunTask.order}. */
function before(a: RunTask, b: RunTask): number {
  return (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.order - b.order;
}

/**
 * The tasks of `queue` a department takes up first: soonest statutory limit first (none last),
 * then by {@link RunTask.order}; only the first few more than `capacity` are put in order, as
 * some may have left (their case completed or suspended by an earlier decision of the day), the
 * whole queue when those run out.
 */
export function* soonestFirst(queue: RunTask[], capacity: number): Generator<RunTask> {
  const wanted = capacity * 2 + 8;
  if (queue.length > wanted * 4) {
    const best: RunTask[] = [];
    for (const task of queue) {
      if (best.length === wanted && before(task, best[wanted - 1] as RunTask) >= 0) continue;
      let at = best.length === wanted ? wanted - 1 : best.length;
      while (at > 0 && before(task, best[at - 1] as RunTask) < 0) {
        best[at] = best[at - 1] as RunTask;
        at -= 1;
      }
      best[at] = task;
      if (best.length > wanted) best.length = wanted;
    }
    yield* best;
    const taken = new Set(best);
    queue.sort(before);
    for (const task of queue) if (!taken.has(task)) yield task;
    return;
  }
  queue.sort(before);
  yield* queue;
}

/** The departments `whatIf` closes, by working day of the horizon (1 = the first). */
export function closedDays(whatIf: WhatIf): (ReadonlySet<string> | undefined)[] {
  const days: Set<string>[] = [];
  for (const closure of whatIf.closures ?? []) (days[closure.day] ??= new Set()).add(closure.departmentId);
  return days;
}

/** Tasks `department` decides on one working day under `whatIf`: clerks × rate, its fraction drawn. */
export function capacityOn(random: SeededRandom, department: DepartmentWork, whatIf: WhatIf): number {
  const clerks = Math.max(0, department.clerks + (whatIf.clerks?.[department.departmentId] ?? 0));
  const expected = clerks * department.tasksPerClerkPerDay;
  const whole = Math.floor(expected);
  return whole + (random.chance(expected - whole) ? 1 : 0);
}

/** A handling time drawn from `department`'s distribution, in working days (0 without one). */
export function drawHandling(random: SeededRandom, department: DepartmentWork | undefined): number {
  if (!department || department.handlingDays.length === 0) return 0;
  return random.pick(department.handlingDays);
}

/** The first day a task open for `age` working days is taken up: a handling time drawn among those longer than its age. */
export function readyDayOfOpen(random: SeededRandom, department: DepartmentWork | undefined, age: number): number {
  const handling = department?.handlingDays ?? [];
  let low = 0;
  let high = handling.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((handling[middle] as number) > age) high = middle;
    else low = middle + 1;
  }
  if (low === handling.length) return 1;
  return Math.max(1, Math.ceil((handling[low + Math.floor(random.next() * (handling.length - low))] as number) - age));
}

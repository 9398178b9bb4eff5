/** How long a task is overdue, in whole working days and the working hours left over. */
export interface OverdueBy {
  days: number;
  hours: number;
}

/**
 * `minutes` of working time past the statutory limit, as working days of `minutesPerDay` and the
 * whole hours left over (at least one hour shown once any time passed). Pure.
 */
export function overdueBy(minutes: number, minutesPerDay: number): OverdueBy {
  const perDay = minutesPerDay > 0 ? minutesPerDay : 480;
  const days = Math.floor(minutes / perDay);
  const rest = minutes - days * perDay;
  const hours = Math.floor(rest / 60);
  return { days, hours: days === 0 && hours === 0 && minutes > 0 ? 1 : hours };
}

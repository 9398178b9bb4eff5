import type { DepartmentWork } from './forecast.types.ts';
import { profileHandlingDays } from './forecast-workflow.ts';

/**
 * The world of the back-test of `open-restaurant` (`forecast-back-test.ts`, `back-test.test.ts`):
 * one department per kind its tasks go to, with clerks and rates chosen so that some limits are
 * breached (an assumption, not a measured office): most tasks are taken up within the day, one
 * in ten is left for 3–8 working days.
 */
export function openRestaurantWorld(): DepartmentWork[] {
  const handlingDays = profileHandlingDays(0.1, [3, 8]);
  const department = (departmentId: string, name: string, clerks: number, tasksPerClerkPerDay: number): DepartmentWork => ({
    departmentId,
    name,
    clerks,
    tasksPerClerkPerDay,
    handlingDays,
    source: 'profile',
    decisions: 0,
  });
  return [
    department('service-hall', '政务服务中心', 2, 10),
    department('market-regulation', '市场监督管理局', 3, 10),
    department('fire-rescue', '消防救援支队', 1, 8),
    department('urban-management', '城市管理局', 1, 8),
  ];
}

import { defineMessages } from '../i18n/define-messages.ts';

const zhDays = (days: number, working: boolean) => `${days} 个${working ? '工作日' : '自然日'}`;
const enDays = (days: number, working: boolean) => `${days} ${working ? 'working day' : 'day'}${days === 1 ? '' : 's'}`;

/** Messages of SLA badges. */
export const slaMessages = defineMessages(
  {
    states: { onTrack: '正常', atRisk: '临期', overdue: '逾期', met: '按期办结', breached: '超期办结', cancelled: '已取消（不计时效）' },
    left: (days: number, working: boolean) => `剩 ${zhDays(days, working)}`,
    lessThanADay: (working: boolean) => `不足 1 个${working ? '工作日' : '自然日'}`,
    pastDue: '已超过法定时限',
    over: (days: number, working: boolean) => `超期 ${zhDays(days, working)}`,
    overLessThanADay: (working: boolean) => `超期不足 1 个${working ? '工作日' : '自然日'}`,
    paused: '计时暂停（补正中）',
    pausedShort: '暂停计时',
    dueAt: (when: string) => `法定时限：${when}`,
    atRiskAt: (when: string) => `承诺时限：${when}`,
    noLimit: '未设法定时限',
    provisional: '暂定：跨越尚未发布节假日安排的年度，按周末推算',
    provisionalTag: '暂定',
  },
  {
    states: { onTrack: 'On track', atRisk: 'At risk', overdue: 'Overdue', met: 'Met', breached: 'Breached', cancelled: 'Cancelled (not counted)' },
    left: (days: number, working: boolean) => `${enDays(days, working)} left`,
    lessThanADay: (working: boolean) => `under 1 ${working ? 'working day' : 'day'} left`,
    pastDue: 'past the statutory limit',
    over: (days: number, working: boolean) => `${enDays(days, working)} over`,
    overLessThanADay: (working: boolean) => `under 1 ${working ? 'working day' : 'day'} over`,
    paused: 'clock paused (awaiting supplement)',
    pausedShort: 'paused',
    dueAt: (when: string) => `Statutory limit: ${when}`,
    atRiskAt: (when: string) => `Promised limit: ${when}`,
    noLimit: 'No statutory limit',
    provisional: "Provisional: crosses a year whose holiday notice is not out yet; counted on weekends only",
    provisionalTag: 'provisional',
  },
);

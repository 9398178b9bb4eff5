import type { BusinessCalendar } from './calendar.types.ts';
import data from './data/cn-mainland.json' with { type: 'json' };
import { defineCalendar } from './define-calendar.ts';

/**
 * Mainland China's national business calendar (`cn-mainland`): `Asia/Shanghai`, working hours
 * 09:00–12:00 and 13:00–17:00, and the State Council's holiday notices:
 * - 2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12,
 *   https://www.gov.cn/zhengce/content/202411/content_6986382.htm
 * - 2026: 国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕7号, 2025-11-04,
 *   https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm
 *
 * Other years are counted weekends-only and flagged `provisional`. Data: `data/cn-mainland.json`.
 */
export const cnMainlandCalendar: BusinessCalendar = defineCalendar(data);

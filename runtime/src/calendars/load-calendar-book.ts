import type { Db } from '../db/client.ts';
import { calendarNotices, calendars } from '../db/schema/index.ts';
import type { Tx } from '../cases/transaction.ts';
import { buildCalendarBook, type CalendarBook } from './calendar-book.ts';

/** Reads the stored calendars and loaded notices into a {@link CalendarBook}. */
export async function loadCalendarBook(db: Db | Tx): Promise<CalendarBook> {
  const [rows, notices] = await Promise.all([db.select().from(calendars), db.select().from(calendarNotices)]);
  return buildCalendarBook(rows, notices);
}

import { and, eq, exists, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { InvalidCalendarError, isEngineError, withCalendarYear, type BusinessCalendar, type CalendarAdjustment, type CalendarYear, type WorkingPeriod } from '@tongban/engine';
import type { CaseExecutor } from '../cases/case-executor.ts';
import type { Tx } from '../cases/transaction.ts';
import type { Db } from '../db/client.ts';
import { calendarNotices, calendars, cases, jurisdictions, timers, type CalendarNoticeRow, type CalendarRow, type Jurisdiction } from '../db/schema/index.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors/index.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { Viewer } from '../organisation/viewer.ts';
import { buildCalendarBook, type CalendarBook, type CalendarEntry, type CalendarOrigin } from './calendar-book.ts';

/** A jurisdiction's override of a base calendar (PUT /calendars/{key} with `base`). */
export interface CalendarOverrideInput {
  name: string;
  base: string;
  workingHours?: WorkingPeriod[];
  adjustments: CalendarAdjustment[];
}

/** A whole calendar (PUT /calendars/{key} without `base`), e.g. for another time zone. */
export interface WholeCalendarInput {
  name: string;
  timeZone: string;
  workingHours: WorkingPeriod[];
  years: CalendarYear[];
  adjustments: CalendarAdjustment[];
}

export type CalendarInput = CalendarOverrideInput | WholeCalendarInput;

/** A calendar as the API shows it. */
export interface CalendarView {
  key: string;
  name: string;
  origin: CalendarOrigin;
  base: string | null;
  version: number | null;
  timeZone: string;
  workingHours: WorkingPeriod[];
  /** Each year with a notice: where it comes from, and whether it was loaded at run time. */
  years: { year: number; source: CalendarYear['source']; holidays: CalendarYear['holidays']; loadedAtRunTime: boolean }[];
  adjustments: CalendarAdjustment[];
  /** The jurisdictions that name it (their sub-jurisdictions count on it too, unless they name another). */
  jurisdictions: string[];
}

/** What a recount did: cases looked at, cases whose deadlines changed, timers changed. */
export interface RecountSummary {
  cases: number;
  changedCases: number;
  timers: number;
}

/** What the calendars service needs. */
export interface CalendarsServiceOptions {
  db: Db;
  executor: CaseExecutor;
  calendars: () => Promise<CalendarBook>;
  /** Reads the calendars again (after a change) and returns the new book. */
  reloadCalendars: () => Promise<CalendarBook>;
  organisation: () => Promise<Organisation>;
  reloadOrganisation: () => Promise<void>;
}

/** Cases recounted at once, each in its own transaction (a share of the connection pool). */
const RECOUNT_CONCURRENCY = 4;

/** Serialises calendar changes (a transaction-level advisory lock). */
const CALENDAR_LOCK = sql`select pg_advisory_xact_lock(hashtext('tongban-calendars'))`;

/**
 * Business calendars per jurisdiction (DESIGN.md §3 "business calendar"): the engine's built-in
 * calendars plus overrides and whole calendars stored at run time, holiday notices loaded into
 * them, and which calendar each jurisdiction's cases are counted on. A change recounts the live
 * deadlines of every case counted on the calendars it changes: a provisional due date becomes firm
 * when its year's notice is loaded.
 */
export class CalendarsService {
  constructor(private readonly options: CalendarsServiceOptions) {}

  /** Every calendar, by key. */
  async listCalendars(): Promise<CalendarView[]> {
    const [book, organisation] = await Promise.all([this.options.calendars(), this.options.organisation()]);
    return book.entries().map((entry) => viewOf(entry, organisation));
  }

  /** @throws NotFoundError `calendar-not-found`. */
  async getCalendar(key: string): Promise<CalendarView> {
    const [book, organisation] = await Promise.all([this.options.calendars(), this.options.organisation()]);
    if (!book.has(key)) throw calendarNotFound(key, book);
    return viewOf(book.entry(key), organisation);
  }

  /**
   * Creates or replaces the stored calendar `key`: an override of `input.base`, or a whole
   * calendar. Then recounts the deadlines of the cases counted on it (and on overrides of it).
   *
   * @throws ConflictError `calendar-built-in` for a key the engine ships; InvalidInputError
   *   `calendar-base-invalid` (field `base`) or `invalid-calendar` naming the field at fault.
   */
  async putCalendar(key: string, input: CalendarInput, viewer: Viewer): Promise<{ calendar: CalendarView; recount: RecountSummary }> {
    await this.write(async (tx, { rows, notices, current }, now) => {
      if (current.has(key) && current.entry(key).origin === 'builtIn') {
        throw new ConflictError('calendar-built-in', `Calendar '${key}' ships with Tongban and cannot be replaced; load a notice into it or define an override of it`, {
          calendar: key,
        });
      }
      const isOverride = 'base' in input;
      if (isOverride) {
        const bases = current.entries().filter((entry) => entry.origin !== 'override' && entry.key !== key).map((entry) => entry.key);
        const refuse = (reason: string, why: string) =>
          new InvalidInputError('calendar-base-invalid', `Calendar '${key}' cannot be built on '${input.base}': ${why}; bases: ${bases.join(', ')}`, {
            field: 'base',
            reason,
          });
        if (input.base === key) throw refuse('self', 'a calendar cannot be its own base');
        if (!current.has(input.base)) throw refuse('not-found', 'no calendar has that key');
        if (current.entry(input.base).origin === 'override') throw refuse('is-override', 'it is itself an override, and overrides are built on a whole calendar');
        if (rows.some((row) => row.baseKey === key)) {
          throw new InvalidInputError('calendar-base-invalid', `Calendar '${key}' is the base of other calendars and cannot become an override`, {
            field: 'base',
            reason: 'has-overrides',
          });
        }
      }
      const { name, ...data } = input;
      const row: CalendarRow = {
        key,
        name,
        baseKey: isOverride ? input.base : null,
        data: isOverride ? { key, name, adjustments: input.adjustments, ...(input.workingHours ? { workingHours: input.workingHours } : {}) } : { key, name, ...data },
        version: (rows.find((r) => r.key === key)?.version ?? 0) + 1,
        updatedAt: now,
        updatedBy: viewer.userId ?? null,
      };
      checkBook([...rows.filter((r) => r.key !== key), row], notices);
      await tx
        .insert(calendars)
        .values(row)
        .onConflictDoUpdate({ target: calendars.key, set: { name: row.name, baseKey: row.baseKey, data: row.data, version: row.version, updatedAt: now, updatedBy: row.updatedBy } });
    });
    const book = await this.options.reloadCalendars();
    const recount = await this.recount(book.affectedBy(key), `calendar '${key}' v${book.entry(key).version ?? 1}`);
    return { calendar: await this.getCalendar(key), recount };
  }

  /**
   * Loads the holiday notice of `year` into calendar `key` (replacing one loaded before), then
   * recounts the deadlines of the cases counted on it and on its overrides: those that relied on
   * the year unannounced (provisional) get their real due dates.
   *
   * @throws NotFoundError `calendar-not-found`; ConflictError `calendar-is-override` (load it into
   *   the base); InvalidInputError `year-mismatch` (field `year`) or `invalid-calendar` naming the
   *   field of the notice at fault.
   */
  async putNotice(key: string, year: number, notice: CalendarYear, viewer: Viewer): Promise<{ calendar: CalendarView; recount: RecountSummary }> {
    if (notice.year !== year) {
      throw new InvalidInputError('year-mismatch', `The notice is for ${notice.year}, and the path names ${year}`, { field: 'year', reason: 'mismatch' });
    }
    await this.write(async (tx, { rows, notices, current }, now) => {
      if (!current.has(key)) throw calendarNotFound(key, current);
      const entry = current.entry(key);
      if (entry.origin === 'override') {
        throw new ConflictError('calendar-is-override', `Calendar '${key}' is an override of '${entry.baseKey}'; load the notice into '${entry.baseKey}'`, {
          calendar: key,
          base: entry.baseKey,
        });
      }
      checkNotice(entry.calendar, notice);
      const row: CalendarNoticeRow = { calendarKey: key, year, notice, loadedAt: now, loadedBy: viewer.userId ?? null };
      checkBook(rows, [...notices.filter((n) => n.calendarKey !== key || n.year !== year), row]);
      await tx
        .insert(calendarNotices)
        .values(row)
        .onConflictDoUpdate({ target: [calendarNotices.calendarKey, calendarNotices.year], set: { notice, loadedAt: now, loadedBy: row.loadedBy } });
    });
    const book = await this.options.reloadCalendars();
    const recount = await this.recount(book.affectedBy(key), `notice ${year} of calendar '${key}'`);
    return { calendar: await this.getCalendar(key), recount };
  }

  /**
   * Names the calendar the cases filed in jurisdiction `jurisdictionId` (and below it, unless they
   * name another) are counted on from now on; null: its parent's. Cases already filed keep theirs.
   *
   * @throws NotFoundError `jurisdiction-not-found`; InvalidInputError `calendar-not-found` (field `calendar`).
   */
  async setJurisdictionCalendar(jurisdictionId: string, calendarKey: string | null): Promise<Jurisdiction> {
    const book = await this.options.calendars();
    if (calendarKey !== null && !book.has(calendarKey)) {
      throw new InvalidInputError('calendar-not-found', `Calendar '${calendarKey}' is not defined; known calendars: ${book.keys().join(', ')}`, {
        field: 'calendar',
        reason: 'not-found',
      });
    }
    const [row] = await this.options.db.update(jurisdictions).set({ calendarKey }).where(eq(jurisdictions.id, jurisdictionId)).returning();
    if (!row) throw new NotFoundError('jurisdiction-not-found', `Jurisdiction '${jurisdictionId}' does not exist`, { jurisdictionId });
    await this.options.reloadOrganisation();
    return row;
  }

  /**
   * Recounts the live deadlines of every open case counted on one of `calendarKeys`, each case in
   * its own transaction with its row locked. `cause` is recorded on the cases that change.
   */
  async recount(calendarKeys: readonly string[], cause: string): Promise<RecountSummary> {
    if (calendarKeys.length === 0) return { cases: 0, changedCases: 0, timers: 0 };
    return this.recountWhere(inArray(cases.calendarKey, [...calendarKeys]), sql`true`, cause);
  }

  /**
   * Recounts the cases whose live deadlines are provisional, on the calendars as they are now: at
   * start-up, after an upgrade that ships a new year's notice.
   */
  async recountProvisional(): Promise<RecountSummary> {
    return this.recountWhere(sql`true`, eq(timers.provisional, true), 'calendars at start-up');
  }

  private async recountWhere(caseCondition: SQL, timerCondition: SQL, cause: string): Promise<RecountSummary> {
    const { db, executor } = this.options;
    const liveTimer = db
      .select({ one: sql`1` })
      .from(timers)
      .where(and(eq(timers.caseId, cases.id), inArray(timers.status, ['pending', 'paused']), sql`${timers.basis} is not null`, timerCondition));
    const ids = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(caseCondition, ne(cases.status, 'completed'), exists(liveTimer)))
      .orderBy(cases.id);
    const changed: number[] = [];
    for (let next = 0; next < ids.length; next += RECOUNT_CONCURRENCY) {
      const batch = ids.slice(next, next + RECOUNT_CONCURRENCY);
      changed.push(...(await Promise.all(batch.map(({ id }) => executor.withCase(id, null, (unit) => unit.recountDeadlines(cause))))));
    }
    return { cases: ids.length, changedCases: changed.filter((n) => n > 0).length, timers: changed.reduce((sum, n) => sum + n, 0) };
  }

  /**
   * Runs `work` in one transaction holding the calendar lock, with the stored rows as they are and
   * the book they build (not this process's cached one, which another writer may have outdated).
   */
  private async write(work: (tx: Tx, stored: StoredCalendars, now: Date) => Promise<void>): Promise<void> {
    await this.options.db.transaction(async (tx) => {
      await tx.execute(CALENDAR_LOCK);
      const [rows, notices] = await Promise.all([tx.select().from(calendars), tx.select().from(calendarNotices)]);
      await work(tx, { rows, notices, current: buildCalendarBook(rows, notices) }, this.options.executor.clock.now());
    });
  }
}

/** The calendars as stored, read under the calendar lock, and the book they build. */
interface StoredCalendars {
  rows: CalendarRow[];
  notices: CalendarNoticeRow[];
  current: CalendarBook;
}

function calendarNotFound(key: string, book: CalendarBook): NotFoundError {
  return new NotFoundError('calendar-not-found', `Calendar '${key}' is not defined; known calendars: ${book.keys().join(', ')}`, { calendar: key });
}

/** Builds the book the rows would give, turning a calendar the engine refuses into a 400 naming the field. */
function checkBook(rows: readonly CalendarRow[], notices: readonly CalendarNoticeRow[]): void {
  try {
    buildCalendarBook(rows, notices);
  } catch (error) {
    throw invalidCalendar(error, (path) => path);
  }
}

/** Checks `notice` against `calendar`, naming the field of the notice at fault (`holidays[0].makeUpWorkdays[0]`). */
function checkNotice(calendar: BusinessCalendar, notice: CalendarYear): void {
  const years = [...calendar.years.filter((y) => y.year !== notice.year), notice].sort((a, b) => a.year - b.year);
  const prefix = `years[${years.indexOf(notice)}]`;
  try {
    withCalendarYear(calendar, notice);
  } catch (error) {
    throw invalidCalendar(error, (path) => (path === prefix ? '' : path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path));
  }
}

function invalidCalendar(error: unknown, field: (path: string) => string): unknown {
  if (!(error instanceof InvalidCalendarError) && !isEngineError(error)) return error;
  const issues = error instanceof InvalidCalendarError ? error.issues.map((issue) => ({ field: field(issue.path), message: issue.message })) : [];
  const first = issues[0];
  const message = issues.length === 0 ? error.message : issues.map((i) => (i.field === '' ? i.message : `${i.field}: ${i.message}`)).join('; ');
  return new InvalidInputError('invalid-calendar', message, { field: first?.field ?? '', reason: first?.message ?? error.message, issues });
}

function viewOf(entry: CalendarEntry, organisation: Organisation): CalendarView {
  const { calendar } = entry;
  return {
    key: entry.key,
    name: entry.name,
    origin: entry.origin,
    base: entry.baseKey,
    version: entry.version,
    timeZone: calendar.timeZone,
    workingHours: [...calendar.workingHours],
    years: calendar.years.map((y) => ({ year: y.year, source: y.source, holidays: y.holidays, loadedAtRunTime: entry.loadedYears.includes(y.year) })),
    adjustments: [...calendar.adjustments],
    jurisdictions: organisation.jurisdictionsNaming(entry.key),
  };
}

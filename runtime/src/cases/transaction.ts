import type { Db } from '../db/client.ts';

/** A drizzle transaction handle: inside `db.transaction`, every query goes through it (pitfalls B32). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

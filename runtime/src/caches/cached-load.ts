/**
 * A value read from the database once and kept until it is invalidated: `get` answers the value
 * kept, or reads it; `invalidate` drops it so the next `get` reads again. A read that fails is not
 * kept, so the next `get` tries again (a database that was away does not poison the cache).
 */
export class CachedLoad<T> {
  private value: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  /** The value kept, or a fresh read of it. */
  get(): Promise<T> {
    return (this.value ??= this.read());
  }

  /** Reads the value now and keeps it. */
  reload(): Promise<T> {
    this.value = this.read();
    return this.value;
  }

  /** Drops the value kept: the next `get` reads it again. */
  invalidate(): void {
    this.value = undefined;
  }

  private read(): Promise<T> {
    const reading = this.load();
    reading.catch(() => {
      if (this.value === reading) this.value = undefined;
    });
    return reading;
  }
}

/**
 * The events registered under block keys, as known in a batch's transaction: what it read of
 * `event_blocks`, kept in step with what it wrote since. Each report of a batch looks up the
 * events its claims' keys lead to, and in a batch of reports about the same events most keys
 * were looked up before. Only this transaction writes while it is open, so what it knows stays
 * true until it ends; a unit (report) that is undone makes it forget everything.
 */
export class EventBlockCache {
  /** Each key known, with every event registered under it (an empty set: none). */
  readonly #events = new Map<string, Set<string>>();

  /** The (key, event) pairs registered under the keys known here, and the keys not known. */
  lookup(keys: readonly string[]): { pairs: [string, string][]; unknown: string[] } {
    const pairs: [string, string][] = [];
    const unknown: string[] = [];
    for (const key of keys) {
      const events = this.#events.get(key);
      if (!events) unknown.push(key);
      else for (const event of events) pairs.push([key, event]);
    }
    return { pairs, unknown };
  }

  /** Records what the store holds under `keys`, just read: `rows` are every (key, event) there is for them. */
  learn(keys: readonly string[], rows: readonly { block_key: string; event_id: string }[]): void {
    for (const key of keys) if (!this.#events.has(key)) this.#events.set(key, new Set());
    for (const row of rows) this.#events.get(row.block_key)!.add(row.event_id);
  }

  /** True when `event` is known to be registered under `key` (false: not known to be; it may be, if the key was never read). */
  has(key: string, event: string): boolean {
    return this.#events.get(key)?.has(event) === true;
  }

  /** (key, event) pairs just registered. */
  add(pairs: readonly (readonly [string, string])[]): void {
    for (const [key, event] of pairs) this.#events.get(key)?.add(event);
  }

  /** An event's keys were all removed. */
  removeEvent(event: string): void {
    for (const events of this.#events.values()) events.delete(event);
  }

  /** Everything registered under `from` now is under `into`. */
  moveEvent(from: string, into: string): void {
    for (const events of this.#events.values()) if (events.delete(from)) events.add(into);
  }

  forget(): void {
    this.#events.clear();
  }
}

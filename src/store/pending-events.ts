import type { EventProfile } from '../grouping/event-profile.js';
import { copyTally, type EventTally } from '../grouping/event-tally.js';

/** An event's state as grouping keeps it. */
export interface EventState {
  profile: EventProfile;
  tally: EventTally;
}

/**
 * Events written in a batch's transaction and not yet flushed to their rows. A report joining an
 * event reads and writes the event's profile and tally; an event's row (profile, tally and
 * summary, as JSON that grows with its claims) is written once, when the batch flushes, not once
 * per report: in a batch where many reports tell of one event, most of that work was writing
 * rows the next report rewrote.
 *
 * Units (one report each) can be undone: the first change a unit makes to an event journals the
 * event's state before it, and `undoUnit` puts those back. So the states held here change only
 * through `set` and `remove`, tallies are handed out as copies, and profiles as they are, to be
 * read only: grouping copies a profile before it folds a claim in (EventGrouper.restore).
 */
export class PendingEvents {
  readonly #states = new Map<string, EventState>();
  /** The open unit's journal: each event's state before the unit first changed it (undefined: none was pending). */
  #journal?: Map<string, EventState | undefined>;

  get size(): number {
    return this.#states.size;
  }

  has(id: string): boolean {
    return this.#states.has(id);
  }

  /** The profile held, not to be changed. */
  profile(id: string): Readonly<EventProfile> | undefined {
    return this.#states.get(id)?.profile;
  }

  tally(id: string): EventTally | undefined {
    const state = this.#states.get(id);
    return state && copyTally(state.tally);
  }

  /** Holds an event's new state, taken as it is (the caller hands it over). */
  set(id: string, profile: EventProfile, tally: EventTally): void {
    this.#remember(id);
    this.#states.set(id, { profile, tally });
  }

  /** Forgets an event (deleted, or merged into another). */
  remove(id: string): void {
    if (!this.#states.has(id)) return;
    this.#remember(id);
    this.#states.delete(id);
  }

  /**
   * Hands over every state held and forgets them (the caller writes them). Inside a unit that is
   * later undone they come back, as the rows written from them go with the unit's savepoint.
   */
  drain(): Array<[string, EventState]> {
    const states = [...this.#states];
    for (const [id] of states) this.#remember(id);
    this.#states.clear();
    return states;
  }

  beginUnit(): void {
    this.#journal = new Map();
  }

  keepUnit(): void {
    this.#journal = undefined;
  }

  undoUnit(): void {
    for (const [id, state] of this.#journal ?? []) {
      if (state) this.#states.set(id, state);
      else this.#states.delete(id);
    }
    this.#journal = undefined;
  }

  #remember(id: string): void {
    if (this.#journal && !this.#journal.has(id)) this.#journal.set(id, this.#states.get(id));
  }
}

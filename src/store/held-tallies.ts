import type { Kysely } from 'kysely';
import type { RowTrigger } from './dialect.js';
import { countClaims, PLACE_COLUMNS_CHANGED, TRIGGERS } from './migrations/2026-12-06T2100-overview-tallies.js';

/**
 * The overview tallies (claim_tallies, place_tallies, transfer_routes) of claims a batch writes,
 * counted all at once before its commit instead of row by row: SQLite only, where one writer at a
 * time makes "claims above the `seq` held in `batch_hold`" exactly the batch's (see
 * StoreDialect.holdBatchWrites). A claim at or below it is counted by the triggers as it is
 * written or deleted, as without a hold.
 */

/** SQL true when claim row `c` is counted by the triggers (not held for the batch's end). */
const counted = (c: string) => `${c}.seq <= coalesce((select claims_after from batch_hold), ${c}.seq)`;
/** The same for the claim of value row `v`; true when that claim is gone (a cascade: its own trigger uncounted it). */
const valueCounted = (v: string) => `coalesce((select c.seq from claims c where c.id = ${v}.claim_id) <= (select claims_after from batch_hold), true)`;

const original = (name: string): RowTrigger => {
  const trigger = TRIGGERS.find((t) => t.name === name);
  if (!trigger) throw new Error(`no tally trigger ${name}`);
  return trigger;
};
const also = (trigger: RowTrigger, condition: string): RowTrigger => ({ ...trigger, when: trigger.when ? `(${trigger.when}) and ${condition}` : condition });

/** Replacements for the tally triggers, by name, that leave held claims and their values alone. */
export const HELD_TALLY_TRIGGERS: readonly RowTrigger[] = [
  also(original('claims_tally_insert'), counted('new')),
  also(original('claims_tally_delete'), counted('old')),
  also(original('claim_values_tally_insert'), valueCounted('new')),
  also(original('claim_values_tally_delete'), valueCounted('old')),
  // A value of a held claim is counted when the batch ends, as it is then: changing it meanwhile
  // needs nothing. Moving a value between a held claim and a counted one (no writer does) is refused.
  also(original('claim_values_tally_update'), `${valueCounted('old')} and ${valueCounted('new')}`),
  {
    name: 'claim_values_tally_update_held',
    table: 'claim_values',
    timing: 'before',
    event: 'update of slot, claim_id, name, entity_id, lat, lon',
    when: `(${PLACE_COLUMNS_CHANGED}) and ${valueCounted('old')} <> ${valueCounted('new')}`,
    statements: [`select raise(abort, 'a claim value cannot move between a claim written in this batch and an earlier one')`],
  },
];

/** Counts the held claims (above `batch_hold`'s seq) into the tallies, as the triggers would have one by one. */
export async function writeHeldTallies(db: Kysely<any>): Promise<void> {
  await countClaims(db, 'c.seq > (select claims_after from batch_hold)');
}

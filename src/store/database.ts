import type { Generated } from 'kysely';

/**
 * The tables of the store, as Kysely sees them. One schema for both dialects: flags are
 * integers (0/1) because SQLite has no boolean and better-sqlite3 cannot bind one; dates are
 * ISO text so partial dates ("2023-03") survive exactly.
 */
export interface Database {
  reports: ReportTable;
  report_furniture: ReportFurnitureTable;
  report_messages: ReportMessageTable;
  claims: ClaimTable;
  claim_values: ClaimValueTable;
  entities: EntityTable;
  entity_decisions: EntityDecisionTable;
}

/** 0 or 1. */
export type Flag = number;

export interface ReportTable {
  /** Integer key the full-text index is keyed by; `id` is the name the rest of etap uses. */
  seq: Generated<number>;
  id: string;
  sha256: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  language: string;
  encoding: string;
  origin: string;
  text: string;
  original: Uint8Array;
  extracted: Flag;
  ingested_at: string;
}

export interface ReportFurnitureTable {
  report_id: string;
  ordinal: number;
  start: number;
  end: number;
  rule: string;
  text: string;
}

export interface ReportMessageTable {
  report_id: string;
  ordinal: number;
  source: string;
  rule: string;
  reason: string;
  severity: string;
  start: number | null;
  end: number | null;
}

export interface ClaimTable {
  seq: Generated<number>;
  id: string;
  report_id: string;
  ordinal: number;
  type: string;
  quote: string;
  start: number;
  end: number;
  rule: string;
  count_value: number | null;
  count_min: number | null;
  count_max: number | null;
  count_approximate: Flag | null;
  count_vague: string | null;
  count_start: number | null;
  count_end: number | null;
  count_text: string | null;
  count_rule: string | null;
  count_certainty: string | null;
  time_start: string | null;
  time_end: string | null;
  /** Earliest full date of the time range (`2023` → `2023-01-01`), for overlap filters. */
  time_from: string | null;
  /** Latest full date of the time range (`2023-02` → `2023-02-31`; only ever compared as text). */
  time_to: string | null;
  time_span_start: number | null;
  time_span_end: number | null;
  time_text: string | null;
  time_rule: string | null;
  time_certainty: string | null;
  change: string | null;
  hedged: Flag;
  gender: string | null;
  nationality: string | null;
  review_state: Generated<string>;
}

export type ClaimSlot = 'place' | 'facility' | 'source' | 'actor';

export interface ClaimValueTable {
  claim_id: string;
  slot: ClaimSlot;
  ordinal: number;
  name: string;
  /** JSON array of strings, or null when the value had no `alternatives` at all. */
  alternatives: string | null;
  entity_id: string | null;
  lat: number | null;
  lon: number | null;
  start: number;
  end: number;
  text: string;
  rule: string;
  certainty: string;
  /** Name and alternatives lower-cased, one a line: what `--place` / `--source` match. */
  names_folded: string;
  /** The resolve step's entity id, before users' merge and split decisions (which give `entity_id`). */
  resolved_entity_id: string | null;
  canonical_name: string | null;
  precision: string | null;
  region: string | null;
  country: string | null;
  affiliation: string | null;
}

/** A place, facility, organisation or person claims refer to. */
export interface EntityTable {
  id: string;
  kind: string;
  name: string;
  /** JSON object of what the knowledge files say of it (coordinates, region, affiliation, aliases). */
  attributes: string | null;
  merged_into: string | null;
  created_at: string;
}

/** A user's merge or split, replayed in order over the resolver's ids whenever entities are recomputed. */
export interface EntityDecisionTable {
  seq: Generated<number>;
  action: 'merge' | 'split';
  entity_id: string;
  other_id: string;
  names: string | null;
  decided_at: string;
  note: string | null;
}

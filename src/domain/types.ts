/**
 * The words of etap (see ../shared/DESIGN.md and ../shared/eval/GUIDE.md), as types shared by
 * the pipeline, the store, the API and the dashboard.
 */

/** The eight kinds of statement a claim can make (GUIDE: Types). */
export const CLAIM_TYPES = [
  'recruitment',
  'transfer',
  'population',
  'release',
  'abuse',
  'death',
  'detention',
  'policy',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** Whether a value was written in the text or filled in from context (a year from the publication date). */
export type Certainty = 'stated' | 'implied';

/** A half-open range `[start, end)` of UTF-16 code units in a report's canonical text. */
export interface Span {
  start: number;
  end: number;
}

/** Where a slot value came from: the span of text that gave it, and the rule that read it. */
export interface Provenance {
  span: Span;
  /** The exact text at `span`. */
  text: string;
  /** Id of the extractor or refiner rule that produced the value, e.g. `en.count.as-many-as`. */
  rule: string;
  certainty: Certainty;
}

/** How many people a claim is about (GUIDE: count). Exactly one of value / min / max / vague is usually set. */
export interface CountValue extends Provenance {
  value?: number;
  min?: number;
  max?: number;
  approximate?: boolean;
  /** A vague quantity word ("thousands", "dozens"); not a number. */
  vague?: string;
}

/** When something happened, as ISO partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); a point has start === end. */
export interface TimeValue extends Provenance {
  start: string;
  end: string;
}

/** A named thing in a claim: a place, facility, source or actor, as written and, once resolved, as an entity. */
export interface NamedValue extends Provenance {
  /** The name as the text gives it (after resolving pronouns, the name they point to). */
  name: string;
  /** Other names of the same thing in this claim ("Olga Romanova" / "Russia Behind Bars"). */
  alternatives?: string[];
  /** Entity id once resolved (gazetteer, facility registry, organisation list). */
  entityId?: string;
  /** Coordinates, for places resolved in the gazetteer and facilities whose site is known. */
  lat?: number;
  lon?: number;
  /** The entity's own name once resolved ("Snizhne" for "Snezhnoye", "Russia Behind Bars" for "Русь сидящая"). */
  canonicalName?: string;
  /** How exactly the coordinates place it (as ACLED's geo_precision): a settlement, a region's centre, a country's centre. */
  precision?: Precision;
  /** Name of the region (oblast, krai, republic) a resolved place or facility lies in. */
  region?: string;
  /** ISO 3166-1 alpha-2 code of the country a resolved place or facility lies in. */
  country?: string;
  /** For a person: the entity id of the organisation they speak for (Olga Romanova → Russia Behind Bars). */
  affiliation?: string;
}

/** How exactly a resolved place is located. */
export type Precision = 'settlement' | 'region' | 'country';

export interface Subjects {
  gender?: 'female' | 'male';
  nationality?: 'UA' | 'RU';
}

/** One statement in a report that something happened to prisoners (GUIDE: Unit). */
export interface Claim {
  type: ClaimType;
  /** The evidence: exactly `report.text.slice(start, end)`. */
  quote: string;
  start: number;
  end: number;
  /** Id of the rule that decided the claim's type. */
  rule: string;
  count?: CountValue;
  time?: TimeValue;
  places: NamedValue[];
  facilities: NamedValue[];
  sources: NamedValue[];
  actors: NamedValue[];
  subjects: Subjects;
  change?: 'decrease' | 'increase';
  hedged: boolean;
}

export type Severity = 'info' | 'warning' | 'error';

/** A content problem found while processing a report (as vfile's messages): kept with the report. */
export interface Message {
  /** Which step found it: decode, clean, detect, extract, resolve, store, input. */
  source: string;
  /** Rule id, e.g. `decode.replacement-characters`. */
  rule: string;
  reason: string;
  severity: Severity;
  /** Offsets into the canonical text (or the decoded text for decode/clean messages), when the problem has a place. */
  span?: Span;
}

/** What the caller knows about a report before processing: from the file, its JSON, HTML metadata or CLI flags. */
export interface ReportMeta {
  id?: string;
  url?: string;
  outlet?: string;
  title?: string;
  /** ISO date or date-time. */
  published?: string;
  /** ISO 639-1 code, when given by the source; otherwise detected. */
  language?: string;
}

/** One report as read from its source, before processing. */
export interface ReportInput {
  meta: ReportMeta;
  /** The original bytes (file contents, or the UTF-8 of a JSON field). */
  original: Uint8Array;
  /** How the bytes are to be read. */
  format: 'text' | 'html';
  /** Where it came from: a path, `path:line` for .jsonl, or `-` for stdin. */
  origin: string;
  /** Text already decoded by the reader (JSON fields); when absent the pipeline decodes `original`. */
  decoded?: string;
}

/** A span of the decoded text removed as page furniture, with the rule that removed it. */
export interface FurnitureSpan extends Span {
  rule: string;
  text: string;
}

/** A report after the pipeline: canonical text, claims and messages. */
export interface ProcessedReport {
  id: string;
  meta: ReportMeta;
  origin: string;
  /** SHA-256 of the original bytes, hex. */
  sha256: string;
  original: Uint8Array;
  /** Character set the original was decoded from. */
  encoding: string;
  /** The cleaned text every offset points into. */
  text: string;
  /** What cleaning removed, as spans of the decoded (pre-clean) text. */
  furniture: FurnitureSpan[];
  language: string;
  /** False when the language is not supported (the report is stored but not extracted). */
  extracted: boolean;
  claims: Claim[];
  messages: Message[];
}

/** The scorer's (GUIDE's) file shape for one report. */
export interface GuideReport {
  id: string;
  published?: string;
  claims: GuideClaim[];
}

export interface GuideClaim {
  type: ClaimType;
  quote: string;
  start: number;
  end: number;
  rule: string;
  count?: { value?: number; min?: number; max?: number; approximate?: boolean; vague?: string; certainty: Certainty };
  time?: { start: string; end: string; certainty: Certainty };
  places?: { name: string; alternatives?: string[]; entityId?: string }[];
  facilities?: { name: string; alternatives?: string[]; entityId?: string }[];
  sources?: { name: string; alternatives?: string[]; entityId?: string }[];
  actors?: { name: string; alternatives?: string[]; entityId?: string }[];
  subjects?: Subjects;
  change?: 'decrease' | 'increase';
  hedged?: boolean;
}

import { createHash } from 'node:crypto';
import type { Claim } from '../domain/types.js';
import { pickOriginal, similarReports } from '../grouping/copies.js';
import { blockKeys, claimBlockKeys, EventGrouper } from '../grouping/event-grouper.js';
import { addToProfile, isOrderFree, profileOf, type EventProfile } from '../grouping/event-profile.js';
import type { EventSummary } from '../grouping/event-summary.js';
import { addToTally, emptyTally, tallyOf, type EventTally } from '../grouping/event-tally.js';
import { toGroupingClaim, type GroupingClaim, type GroupingReport } from '../grouping/grouping-claim.js';
import { defaultGroupingKnowledge, type GroupingKnowledge } from '../grouping/knowledge.js';
import { decodeSignature, encodeSignature, textFingerprint, type TextFingerprint } from '../grouping/minhash.js';
import type { Repositories, Store, StoredClaim } from '../store/index.js';
import type { EventFilters, StoredFingerprint } from '../store/event.repository.js';
import { buildSeries, type PopulationSeries } from '../grouping/series.js';
import { iterateClaims } from './claim-query.service.js';

export type { EventFilters, EventSummary };

/** What grouping one report did. */
export interface ReportGrouping {
  /** The report this one copies, when it is a copy. */
  copyOf?: string;
  /** Events its claims are in. */
  events: string[];
}

let knowledge: GroupingKnowledge | undefined;

/**
 * Loads what grouping reads of etap's knowledge (the gazetteer, the organisations and their name
 * indexes), which groupReport otherwise does on the first report it groups: a sixth of a second.
 */
export function prepareGrouping(): void {
  knowledge ??= defaultGroupingKnowledge();
}

/** A report as grouping reads it, for a caller that holds it in memory (ingest, having just stored it). */
export interface GroupingInput {
  report: { text: string; outlet?: string; published?: string; title?: string };
  /** Its claims with their ids, in stored order, as the store reads them back (`asStoredClaims`). */
  claims: readonly (Claim & { id: string })[];
  /** True when the report was not stored before: none of its claims are in events yet. */
  fresh: boolean;
  /** The text's fingerprint, when the caller computed it already (ingest does, off the storing thread). */
  fingerprint?: TextFingerprint;
}

export interface GroupOptions {
  lookups?: GroupingKnowledge;
  /** The report and its claims when the caller has them; read from the store otherwise. */
  input?: GroupingInput;
}

/**
 * Groups one stored report, inside the caller's transaction (ingest calls it after storing
 * each report): links it to the report it copies, then puts its claims into events, comparing
 * them only with the events in their blocks, and updates the profiles and summaries of the
 * events touched. Running it again for the same report (a re-extraction) first takes the
 * report's old claims out.
 */
export async function groupReport(repositories: Repositories, reportId: string, options: GroupOptions = {}): Promise<ReportGrouping> {
  const { events } = repositories;
  const lookups = options.lookups ?? (knowledge ??= defaultGroupingKnowledge());
  const report = options.input?.report ?? (await repositories.reports.get(reportId));
  if (!report) return { events: [] };
  const fresh = options.input?.fresh === true;
  const fingerprint = options.input?.fingerprint ?? textFingerprint(report.text);
  const { originalId: copy, relinked } = await linkCopy(repositories, { id: reportId, fingerprint, published: report.published, fresh });
  const source: GroupingReport = { id: reportId, outlet: report.outlet, published: report.published, title: report.title };
  if (copy) {
    const original = await repositories.reports.summary(copy);
    source.original = { id: copy, outlet: original?.outlet, published: original?.published, title: original?.title };
  }
  const stale = fresh ? [] : await events.removeReport(reportId);
  // An event keeps the block keys its remaining claims have, so lookups find what they did before.
  for (const id of stale) await events.replaceBlocks(id, (await events.members(id)).flatMap((member) => blockKeys(member)));
  const stored = options.input?.claims ?? (await claimsOf(repositories, reportId));
  const claims = stored.map((claim, ordinal) => toGroupingClaim(claim, ordinal, source, lookups));
  const grouper = new EventGrouper(eventIdFor);
  const keys = claims.map(claimBlockKeys);
  const lookupKeys = [...new Set(keys.flatMap((k) => k.lookup))];
  const found = await events.eventsByBlocks(lookupKeys);
  for (const profile of await events.profiles([...found.keys()])) grouper.restore(profile, found.get(profile.id) ?? []);
  const change = grouper.addReport(claims);
  for (const { from, into } of change.merges) await events.moveClaims(from, into);
  await events.addClaims(claims.map((claim, i) => ({ claim, eventId: change.assignments.get(claim.id)!, keys: keys[i].own })));
  const merged = new Set(change.merges.map((m) => m.from));
  const touched = new Set([...stale.filter((id) => !merged.has(id)), ...change.touched]);
  // Events that lost claims (re-extraction) or absorbed another are rebuilt from their claims.
  const rebuild = new Set([...stale, ...change.merges.map((m) => m.into)]);
  await refreshEvents(repositories, grouper, { touched, rebuild, restored: new Set(found.keys()), claims, assignments: change.assignments });
  // Copies grouped before their (earlier published) original arrived now count as its copies.
  for (const id of relinked) await groupReport(repositories, id, { lookups });
  const grouping: ReportGrouping = { events: [...new Set(change.assignments.values())].sort() };
  if (copy) grouping.copyOf = copy;
  return grouping;
}

/** What one report changed, for refreshEvents. */
interface EventChanges {
  touched: Set<string>;
  rebuild: Set<string>;
  /** Events read from the store (the rest of the touched are new). */
  restored: Set<string>;
  claims: readonly GroupingClaim[];
  assignments: Map<string, string>;
}

/**
 * Saves the touched events' profiles and tallies (the store makes their summaries). An event that only gained claims
 * keeps its stored tally plus the new claims, and the grouper's profile (the stored one with the
 * new claims folded in): no claim of it is read again. An event that lost or absorbed claims, was
 * stored before tallies, or whose profile would differ if folded in another order, is rebuilt
 * from its claims (in claim-id order); one left with none is deleted.
 */
async function refreshEvents(repositories: Repositories, grouper: EventGrouper, changes: EventChanges): Promise<void> {
  const { events } = repositories;
  const added = new Map<string, GroupingClaim[]>();
  for (const claim of changes.claims) {
    const id = changes.assignments.get(claim.id)!;
    added.set(id, [...(added.get(id) ?? []), claim]);
  }
  const restored = [...changes.touched].filter((id) => changes.restored.has(id) && !changes.rebuild.has(id));
  const tallies = await events.tallies(restored);
  const updates: { profile: EventProfile; tally: EventTally }[] = [];
  for (const id of changes.touched) {
    const tally = changes.restored.has(id) ? tallies.get(id) : emptyTally();
    const profile = grouper.profile(id);
    if (changes.rebuild.has(id) || !tally || !profile) {
      const rebuilt = await rebuildEvent(repositories, id);
      if (rebuilt) updates.push(rebuilt);
      continue;
    }
    for (const claim of added.get(id) ?? []) addToTally(tally, claim);
    // A profile whose values depend on the order claims came in is refolded in claim-id order.
    if (!isOrderFree(profile)) {
      updates.push((await rebuildEvent(repositories, id))!);
      continue;
    }
    updates.push({ profile, tally });
  }
  await events.saveEvents(updates);
}

/** An event's profile and tally recomputed from its claims; deletes it (undefined) when none are left. */
async function rebuildEvent(repositories: Repositories, id: string): Promise<{ profile: EventProfile; tally: EventTally } | undefined> {
  const members = await repositories.events.members(id);
  if (members.length === 0) return void (await repositories.events.deleteEvent(id));
  const profile: EventProfile = profileOf(id, members[0]);
  for (const member of members.slice(1)) addToProfile(profile, member);
  return { profile, tally: tallyOf(members) };
}

/**
 * Fingerprints a report and links it to the report it copies (if any): the original of a
 * cluster is its earliest published report, else its first ingested. Returns the original's id
 * (when this report is a copy) and the reports that became copies of this one.
 */
async function linkCopy(
  repositories: Repositories,
  { id: reportId, fingerprint, published, fresh }: { id: string; fingerprint: TextFingerprint; published: string | undefined; fresh: boolean },
): Promise<{ originalId?: string; relinked: string[] }> {
  const { events } = repositories;
  const { signature, bands } = fingerprint;
  // A report stored for the first time has no fingerprint yet (fingerprints go with their report).
  const previous = fresh ? undefined : await events.fingerprint(reportId);
  const ingestOrder = previous?.ingestOrder ?? (await events.nextIngestOrder());
  const candidates = (await events.fingerprintsByBands(bands, reportId)).map((f) => ({ ...f, signature: signatureOf(f) }));
  const [best] = similarReports(signature, candidates);
  const self = { reportId, signature: encodeSignature(signature), ingestOrder, published };
  if (!best) {
    await events.saveFingerprint(self, bands, { replace: !fresh });
    return { relinked: [] };
  }
  const clusterOriginal = best.originalId ?? best.reportId;
  const original = candidates.find((c) => c.reportId === clusterOriginal) ?? (await events.fingerprint(clusterOriginal)) ?? best;
  const winner = pickOriginal([{ ...self, published }, { ...original, published: original.published }]);
  if (winner.reportId === reportId) {
    await events.saveFingerprint(self, bands, { replace: !fresh });
    return { relinked: await events.relinkCopies(clusterOriginal, reportId) };
  }
  // A copy is found through its original's bands, so it keeps none of its own: a cluster's band
  // buckets hold its original (and any report that was one), not every copy, and a new report is
  // compared with the clusters it may copy rather than with each of their members (copies of a
  // much-syndicated story made every later one slower).
  await events.saveFingerprint({ ...self, originalId: clusterOriginal, similarity: best.similarity }, [], { replace: !fresh });
  return { originalId: clusterOriginal, relinked: [] };
}

/**
 * A stored fingerprint's signature, decoded once per fingerprint read: in a batch the store hands
 * out the same fingerprint to every report that finds it a candidate.
 */
const signatures = new WeakMap<StoredFingerprint, Uint32Array>();
function signatureOf(fingerprint: StoredFingerprint): Uint32Array {
  let signature = signatures.get(fingerprint);
  if (!signature) signatures.set(fingerprint, (signature = decodeSignature(fingerprint.signature)));
  return signature;
}

async function claimsOf(repositories: Repositories, reportId: string): Promise<StoredClaim[]> {
  const claims: StoredClaim[] = [];
  let cursor: string | undefined;
  do {
    const page = await repositories.claims.list({ reportId, limit: 1000, cursor });
    claims.push(...page.claims);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return claims;
}

/** Event ids: a short hash of the founding claim's id, so regrouping in the same order gives the same ids. */
function eventIdFor(founder: GroupingClaim): string {
  return `ev-${createHash('sha256').update(founder.id).digest('hex').slice(0, 12)}`;
}

/** Forgets every copy link and event and groups every stored report again, in ingest order (`etap group`). */
export async function regroupAll(store: Store, options: { onReport?: (reportId: string) => void } = {}): Promise<{ reports: number; events: number; multiReport: number }> {
  await store.events.clear();
  let reports = 0;
  let cursor: string | undefined;
  do {
    const page = await store.reports.list({ limit: 500, cursor });
    for (const report of page.reports) {
      await store.transaction((repositories) => groupReport(repositories, report.id));
      reports += 1;
      options.onReport?.(report.id);
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return { reports, ...(await store.events.count()) };
}

/** Events matching the filters, most reports first. */
export function listEvents(store: Store, filters: EventFilters = {}): Promise<EventSummary[]> {
  return store.events.list(filters);
}

/** One event with the claims it groups (each with its report). */
export async function getEvent(store: Store, id: string): Promise<{ event: EventSummary; claims: StoredClaim[] } | undefined> {
  const event = await store.events.get(id);
  if (!event) return undefined;
  const members = await store.events.members(id);
  const claims = (await Promise.all(members.map((m) => store.claims.get(m.id)))).filter((c): c is StoredClaim => c !== undefined);
  return { event, claims };
}

/** Reports that copy another, with their original. */
export function listCopies(store: Store): Promise<{ reportId: string; originalId: string; similarity: number }[]> {
  return store.events.copies();
}

/** Population levels as series by scope and issuer (`etap series`). */
export async function listSeries(store: Store): Promise<PopulationSeries[]> {
  // A copy's figures are its original's: counted once.
  const copies = new Set((await store.events.copies()).map((c) => c.reportId));
  const claims: StoredClaim[] = [];
  for await (const claim of iterateClaims(store, { type: 'population' })) if (!copies.has(claim.reportId)) claims.push(claim);
  return buildSeries(claims, (knowledge ??= defaultGroupingKnowledge()));
}

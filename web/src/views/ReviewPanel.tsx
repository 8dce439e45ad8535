import { useState } from 'react';
import { postJson, type ReviewAction, type ReviewedClaim, type ReviewRecord, type ReviewResponse, type SlotCorrections } from '../api.ts';

const list = (text: string) => text.split(';').map((s) => s.trim()).filter(Boolean);
const number = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** Confirm, reject or correct (slots editable) with a note; and the audit trail, newest first. */
export function ReviewPanel({ claim, trail, onReviewed }: { claim: ReviewedClaim; trail: ReviewRecord[]; onReviewed: () => void }) {
  const [action, setAction] = useState<ReviewAction>('confirm');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (form: FormData) => {
    const field = (key: string) => String(form.get(key) ?? '');
    const reviewer = field('reviewer').trim();
    localStorage.setItem('etap.reviewer', reviewer);
    const body: { action: ReviewAction; reviewer: string; note?: string; slots?: SlotCorrections } = { action, reviewer };
    if (field('note').trim()) body.note = field('note').trim();
    if (action === 'correct') body.slots = corrections(claim, field);
    setBusy(true);
    try {
      await postJson<ReviewResponse>(`/api/claims/${encodeURIComponent(claim.id)}/review`, body);
      setError(undefined);
      onReviewed();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel review" aria-label="Review">
      <h2>Review</h2>
      <form
        data-testid="review-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(new FormData(event.currentTarget));
        }}
      >
        <fieldset className="actions">
          {(['confirm', 'reject', 'correct'] as const).map((a) => (
            <label key={a}>
              <input type="radio" name="action" value={a} checked={action === a} onChange={() => setAction(a)} /> {a}
            </label>
          ))}
        </fieldset>
        {action === 'correct' && (
          <fieldset className="corrections">
            <label>
              count <input name="count" inputMode="numeric" defaultValue={claim.count?.value ?? ''} />
            </label>
            <label>
              from <input name="time_start" placeholder="YYYY-MM-DD" defaultValue={claim.time?.start ?? ''} />
            </label>
            <label>
              to <input name="time_end" placeholder="YYYY-MM-DD" defaultValue={claim.time?.end ?? ''} />
            </label>
            <label>
              places <input name="places" defaultValue={claim.places.map((p) => p.name).join('; ')} />
            </label>
            <label>
              facilities <input name="facilities" defaultValue={claim.facilities.map((p) => p.name).join('; ')} />
            </label>
            <label>
              sources <input name="sources" defaultValue={claim.sources.map((p) => p.name).join('; ')} />
            </label>
            <label>
              actors <input name="actors" defaultValue={claim.actors.map((p) => p.name).join('; ')} />
            </label>
          </fieldset>
        )}
        <label>
          note <textarea name="note" rows={2} />
        </label>
        <label>
          reviewer <input name="reviewer" required maxLength={200} defaultValue={localStorage.getItem('etap.reviewer') ?? ''} />
        </label>
        <button type="submit" disabled={busy}>
          Save review
        </button>
        {error && <p className="error">{error}</p>}
      </form>
      <h3>Audit trail</h3>
      {trail.length === 0 ? (
        <p className="hint">Not reviewed yet.</p>
      ) : (
        <ol className="trail" data-testid="audit-trail" reversed>
          {[...trail].reverse().map((record) => (
            <li key={record.seq}>
              <strong>{record.action}</strong> by {record.reviewer} at {record.at.replace('T', ' ').slice(0, 19)}: {record.before.state} → {record.after.state}
              {record.note && <q>{record.note}</q>}
              {record.after.corrections && <code>{JSON.stringify(record.after.corrections)}</code>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Only the slots the analyst changed. */
function corrections(claim: ReviewedClaim, field: (key: string) => string): SlotCorrections {
  const slots: SlotCorrections = {};
  const count = number(field('count'));
  if (count !== undefined && count !== claim.count?.value) slots.count = { value: count };
  const [start, end] = [field('time_start').trim(), field('time_end').trim() || field('time_start').trim()];
  if (start && (start !== claim.time?.start || end !== claim.time?.end)) slots.time = { start, end };
  for (const key of ['places', 'facilities', 'sources', 'actors'] as const) {
    const names = list(field(key));
    if (names.join(';') !== claim[key].map((v) => v.name).join(';')) slots[key] = names;
  }
  return slots;
}

import { useEffect, useRef, type ReactNode } from 'react';

/** A span of the text to mark, with the class that styles it. */
export interface Highlight {
  start: number;
  end: number;
  kind: string;
}

// Bidirectional controls and isolates: shown as visible tokens, so untrusted text cannot reorder what the analyst reads.
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A report's canonical text rendered as text (never HTML), with highlights at their offsets
 * (UTF-16, as the store keeps them). Scrolls the first `evidence` highlight into view.
 */
export function EvidenceText({ text, highlights }: { text: string; highlights: Highlight[] }) {
  const container = useRef<HTMLPreElement>(null);
  useEffect(() => {
    container.current?.querySelector('mark.evidence')?.scrollIntoView({ block: 'center' });
  }, [text]);
  const cuts = [...new Set([0, text.length, ...highlights.flatMap((h) => [h.start, h.end])])].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const pieces: ReactNode[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const kinds = highlights.filter((h) => h.start <= start && h.end >= end && h.end > h.start).map((h) => h.kind);
    const content = showControls(text.slice(start, end), start);
    pieces.push(
      kinds.length === 0 ? (
        <span key={start}>{content}</span>
      ) : (
        <mark key={start} className={kinds.join(' ')} data-testid={kinds.includes('evidence') ? 'evidence' : undefined} data-start={start} data-end={end}>
          {content}
        </mark>
      ),
    );
  }
  return (
    <pre className="report-text" ref={container} dir="ltr">
      {pieces}
    </pre>
  );
}

function showControls(text: string, offset: number): ReactNode {
  if (!BIDI.test(text)) return text;
  BIDI.lastIndex = 0;
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(BIDI)) {
    out.push(text.slice(last, match.index));
    const code = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    out.push(
      <span key={offset + match.index!} className="control" title={`invisible control character ${code}`}>
        {`⟨${code}⟩`}
      </span>,
    );
    last = match.index! + match[0].length;
  }
  out.push(text.slice(last));
  return out;
}

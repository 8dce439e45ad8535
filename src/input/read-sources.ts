import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SourceItem } from '../domain/source-item.js';
import type { ReportMeta } from '../domain/types.js';
import { decodeBytes } from '../pipeline/decode/decode.js';
import { parseJson, reportFromJson, reportsFromJsonLines, withOverrides } from './report-json.js';
import { isBlankBytes, sniffFormat, whyNotText } from './sniff.js';
import { readStream } from './stdin.js';
import { EXTENSIONS, describeFsError, walkFolder } from './walk.js';

export type { SourceItem } from '../domain/source-item.js';

/** Files larger than this are refused unless the caller sets another limit: 64 MiB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface ReadSourcesOptions {
  /** Metadata that wins over whatever a file says (CLI flags --published --outlet --url --language). */
  overrides?: ReportMeta;
  /** Largest file (or stdin) accepted, in bytes. */
  maxBytes?: number;
  /** What `-` reads; process.stdin by default (tests pass their own). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

type Kind = 'text' | 'html' | 'json' | 'jsonl';

/**
 * Reads reports from files, folders (recursively, in name order, skipping dotfiles and unknown
 * extensions) and `-` for stdin. `.txt` is text, `.html`/`.htm` HTML, `.json` one report
 * object, `.jsonl` one per line (origin `path:LINE`). A file named explicitly with another
 * extension is read as text when it looks like text. Every path, file or line that cannot be
 * read yields one `{ ok: false }` item: `origin` names it (path, `path:LINE` or `-`) and
 * `reason` says what is wrong ("empty file", "invalid JSON at line 3, column 7: …"); the
 * others still come.
 */
export async function* readSources(paths: string[], options: ReadSourcesOptions = {}): AsyncGenerator<SourceItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const overrides = options.overrides ?? {};
  for (const path of paths) {
    if (path === '-') {
      const read = await readStream(options.stdin ?? process.stdin, maxBytes);
      if (!read.ok) yield { ok: false, origin: '-', reason: read.reason };
      else yield* readContent(read.bytes, '-', null, overrides);
      continue;
    }
    let size: number;
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        for await (const entry of walkFolder(path)) {
          if (!entry.ok) yield entry;
          else yield* readPath(entry.path, entry.size, maxBytes, overrides);
        }
        continue;
      }
      size = info.size;
    } catch (error) {
      yield { ok: false, origin: path, reason: await describeFsError(error, path) };
      continue;
    }
    yield* readPath(path, size, maxBytes, overrides);
  }
}

async function* readPath(path: string, size: number, maxBytes: number, overrides: ReportMeta): AsyncGenerator<SourceItem> {
  if (size > maxBytes) {
    yield { ok: false, origin: path, reason: `file is ${size} bytes, over the limit of ${maxBytes}` };
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    yield { ok: false, origin: path, reason: await describeFsError(error, path) };
    return;
  }
  yield* readContent(bytes, path, EXTENSIONS[extname(path).toLowerCase()] ?? null, overrides);
}

/** Turns a file's (or stdin's) bytes into reports; `kind` null means: sniff it. */
function* readContent(bytes: Uint8Array, origin: string, kind: Kind | null, overrides: ReportMeta): Generator<SourceItem> {
  if (bytes.length === 0 || isBlankBytes(bytes)) {
    yield { ok: false, origin, reason: 'empty file' };
    return;
  }
  const notText = whyNotText(bytes);
  if (notText) {
    yield { ok: false, origin, reason: notText };
    return;
  }
  const resolved = kind ?? (origin === '-' ? sniffFormat(decodeBytes(bytes).text) : 'text');
  if (resolved === 'text' || resolved === 'html') {
    yield { ok: true, input: { meta: withOverrides({}, overrides), original: bytes, format: resolved, origin } };
    return;
  }
  const text = decodeBytes(bytes).text;
  if (resolved === 'jsonl') {
    yield* reportsFromJsonLines(text, origin, overrides);
    return;
  }
  const parsed = parseJson(text, origin);
  yield parsed.ok ? reportFromJson(parsed.value, origin, overrides) : parsed;
}

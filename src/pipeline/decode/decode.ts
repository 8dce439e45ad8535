import type { Message, ReportInput } from '../../domain/types.js';
import { findDeclaredCharset, isMostlyUtf8, isUtf8Label, sniffBom, sniffUtf16WithoutBom } from './charset-sniff.js';
import { guessCyrillicCharset } from './cyrillic.js';
import { chardet, iconv } from './charset-libraries.js';

export interface Decoded {
  text: string;
  /** Charset the text was read in (iconv-lite label, lower case). */
  encoding: string;
  messages: Message[];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8');

/**
 * Turns a report's original bytes into text. In order: text the reader already decoded (JSON
 * fields); a byte-order mark (UTF-8, UTF-16 LE/BE); UTF-16 without one; valid UTF-8; for HTML,
 * the charset the page declares; a legacy Cyrillic charset (windows-1251, KOI8-R/U, CP866,
 * ISO-8859-5) chosen by letter frequency; else UTF-8 with replacement characters and a warning.
 * Line ends become `\n` and a leading BOM is dropped, so every later offset counts the same.
 */
export function decode(input: ReportInput): Decoded {
  if (input.decoded !== undefined) return { text: tidy(input.decoded), encoding: 'utf-8', messages: [] };
  return decodeBytes(input.original, input.format);
}

/** Decodes bytes as `decode` does, for callers without a ReportInput. */
export function decodeBytes(bytes: Uint8Array, format: 'text' | 'html' = 'text'): Decoded {
  const bom = sniffBom(bytes);
  if (bom) return read(bytes.subarray(bom.length), bom.encoding);
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) {
    return read(bytes, utf16, [info('decode.utf16-without-bom', `no byte-order mark, but the zero bytes show ${utf16}`)]);
  }
  const declared = format === 'html' ? findDeclaredCharset(bytes) : null;
  try {
    const text = utf8Strict.decode(bytes);
    const messages = declared && !isUtf8Label(declared) && /[^\x00-\x7f]/u.test(text)
      ? [info('decode.declared-charset-ignored', `the page declares ${declared}, but its bytes are valid UTF-8 and were read so`)]
      : [];
    return { text: tidy(text), encoding: 'utf-8', messages };
  } catch {
    // Not UTF-8: fall through to declared and guessed charsets.
  }
  if (declared && !isUtf8Label(declared)) return read(bytes, declared);
  // UTF-8 with a few bad bytes stays UTF-8: a Cyrillic reading of its multibyte letters would be noise.
  if (isMostlyUtf8(bytes)) return readLossy(bytes);
  const cyrillic = guessCyrillicCharset(bytes);
  if (cyrillic) return read(bytes, cyrillic.charset);
  return readLossy(bytes);
}

function read(bytes: Uint8Array, encoding: string, messages: Message[] = []): Decoded {
  return { text: tidy(iconv().decode(Buffer.from(bytes), encoding)), encoding, messages };
}

/** Last resort: UTF-8 with U+FFFD for the bad bytes, and a warning that says where and what chardet thought. */
function readLossy(bytes: Uint8Array): Decoded {
  const text = tidy(utf8Lossy.decode(bytes));
  const first = text.indexOf('\ufffd');
  const replaced = (text.match(/\ufffd/gu) ?? []).length;
  const guess = chardet().analyse(bytes.subarray(0, 64 * 1024))[0];
  const hint = guess ? ` (chardet guesses ${guess.name} at ${guess.confidence}%)` : '';
  const message: Message = {
    source: 'decode',
    rule: 'decode.invalid-utf8',
    reason: `the bytes are not valid UTF-8 and no Cyrillic charset fits; ${replaced} character(s) were replaced with U+FFFD${hint}`,
    severity: 'warning',
  };
  if (first >= 0) message.span = { start: first, end: first + 1 };
  return { text, encoding: 'utf-8', messages: [message] };
}

/** Drops a leading BOM and makes every line end `\n`. */
function tidy(text: string): string {
  return text.replace(/^\ufeff/u, '').replace(/\r\n?/gu, '\n');
}

function info(rule: string, reason: string): Message {
  return { source: 'decode', rule, reason, severity: 'info' };
}

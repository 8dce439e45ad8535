import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ReportInput } from '../../domain/types.js';
import { decode, decodeBytes } from './decode.js';

// Our own sentences, not taken from any report.
const RU = 'Заключённых из колонии перевели в Краснодарский край в ноябре, рассказали их родственники.';
const UK = "В'язнів із колонії вивезли до Росії, повідомили їхні родичі та юристи.";
const SHORT_RU = ['Письмо из колонии', 'Где мой брат?', 'Суд отказал', 'Их увезли ночью на автобусе.'];

const input = (original: Uint8Array, format: 'text' | 'html' = 'text'): ReportInput => ({ meta: {}, original, format, origin: 'test' });
const bytes = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

describe('decode', () => {
  it.each([
    ['utf-8', RU, bytes(RU, 'utf-8')],
    ['utf-8', UK, new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(UK, 'utf-8')])],
    ['utf-16le', RU, new Uint8Array([0xff, 0xfe, ...bytes(RU, 'utf-16le')])],
    ['utf-16be', UK, new Uint8Array([0xfe, 0xff, ...bytes(UK, 'utf-16be')])],
    ['utf-16le', RU, bytes(RU, 'utf-16le')],
    ['windows-1251', RU, bytes(RU, 'windows-1251')],
    ['windows-1251', UK, bytes(UK, 'windows-1251')],
    ['koi8-r', RU, bytes(RU, 'koi8-r')],
    ['koi8-u', UK, bytes(UK, 'koi8-u')],
    ['ibm866', RU, bytes(RU, 'ibm866')],
  ])('reads %s', (encoding, text, original) => {
    const decoded = decode(input(original));
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe(encoding);
  });

  it.each(SHORT_RU.flatMap((text) => [[text, 'windows-1251'], [text, 'koi8-r']]))('tells cp1251 from KOI8-R on short text: %s (%s)', (text, encoding) => {
    const decoded = decodeBytes(bytes(text, encoding));
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe(encoding);
  });

  it('strips the BOM and makes line ends \\n', () => {
    const decoded = decode(input(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('one\r\ntwo\rthree', 'utf-8')])));
    expect(decoded.text).toBe('one\ntwo\nthree');
  });

  it('honours a declared charset in HTML', () => {
    const html = `<html><head><meta charset="koi8-r"><title>т</title></head><body><p>${RU}</p></body></html>`;
    const decoded = decode(input(bytes(html, 'koi8-r'), 'html'));
    expect(decoded.encoding).toBe('koi8-r');
    expect(decoded.text).toContain(RU);
    const httpEquiv = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>${UK}</body></html>`;
    expect(decode(input(bytes(httpEquiv, 'windows-1251'), 'html')).encoding).toBe('windows-1251');
  });

  it('keeps valid UTF-8 even when the page declares another charset, and says so', () => {
    const html = `<meta charset="windows-1251"><p>${RU}</p>`;
    const decoded = decode(input(bytes(html, 'utf-8'), 'html'));
    expect(decoded.text).toContain(RU);
    expect(decoded.messages.map((m) => m.rule)).toEqual(['decode.declared-charset-ignored']);
  });

  it('replaces invalid UTF-8 that is no Cyrillic charset, with a warning where it happened', () => {
    const original = new Uint8Array([...bytes('The colony is 40 km away ', 'utf-8'), 0xff, 0xfe, ...bytes(' from the city — they said.', 'utf-8')]);
    const decoded = decode(input(original));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('\ufffd');
    expect(decoded.text).toContain('from the city — they said.');
    const [message] = decoded.messages;
    expect(message).toMatchObject({ source: 'decode', rule: 'decode.invalid-utf8', severity: 'warning', span: { start: 25, end: 26 } });
  });

  it('passes through text the reader already decoded', () => {
    const decoded = decode({ ...input(bytes('ignored', 'utf-8')), decoded: '\ufeffAlready\r\ndecoded' });
    expect(decoded).toEqual({ text: 'Already\ndecoded', encoding: 'utf-8', messages: [] });
  });

  it('never calls plain ASCII anything but UTF-8', () => {
    expect(decodeBytes(bytes('Plain ASCII text about 348,000 inmates.', 'utf-8')).encoding).toBe('utf-8');
    expect(decodeBytes(new Uint8Array()).text).toBe('');
  });
});

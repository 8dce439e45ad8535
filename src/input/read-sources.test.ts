import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources, type SourceItem } from './read-sources.js';

// Our own sentences for fixtures.
const EN = 'Relatives said about 40 prisoners were moved from the colony in March.';
const RU = 'Родственники сообщили, что около сорока заключённых перевели из колонии в марте.';

const root = mkdtempSync(join(tmpdir(), 'etap-input-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** A fresh folder under the temp root holding the given files (string or bytes). */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = join(root, `case-${counter++}`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function collect(paths: string[], options: Parameters<typeof readSources>[1] = {}): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(paths, options)) items.push(item);
  return items;
}

const ok = (item: SourceItem) => {
  if (!item.ok) throw new Error(`expected a report, got: ${item.reason}`);
  return item.input;
};
const failed = (item: SourceItem) => {
  if (item.ok) throw new Error(`expected a failure, got a report from ${item.input.origin}`);
  return item;
};

describe('readSources: formats', () => {
  it('reads text, HTML, JSON and JSON lines from a folder, recursively and in name order', async () => {
    const dir = folder({
      'b.txt': EN,
      'a.html': `<html><body><p>${EN}</p></body></html>`,
      'sub/c.json': JSON.stringify({ id: 'r1', url: 'https://example.org/1', outlet: 'Desk', title: 'T', published: '2023-03-01', language: 'en', text: EN }),
      'sub/d.jsonl': [JSON.stringify({ id: 'r2', text: EN }), '', JSON.stringify({ id: 'r3', html: `<p>${EN}</p>` })].join('\n'),
      'notes.md': 'skipped silently',
      '.hidden.txt': 'skipped: dotfile',
      '.git/x.txt': 'skipped: dot-folder',
    });
    const items = (await collect([dir])).map(ok);
    expect(items.map((i) => i.origin)).toEqual([
      join(dir, 'a.html'), join(dir, 'b.txt'), join(dir, 'sub/c.json'), join(dir, 'sub/d.jsonl:1'), join(dir, 'sub/d.jsonl:3'),
    ]);
    expect(items.map((i) => i.format)).toEqual(['html', 'text', 'text', 'text', 'html']);
    expect(items[2].meta).toEqual({ id: 'r1', url: 'https://example.org/1', outlet: 'Desk', title: 'T', published: '2023-03-01', language: 'en' });
    expect(items[2].decoded).toBe(EN);
    expect(new TextDecoder().decode(items[2].original)).toBe(EN);
    expect(items[1].decoded).toBeUndefined();
  });

  it('keeps the bytes of legacy-encoded text for the decoder', async () => {
    const bytes = new Uint8Array(iconv.encode(RU, 'windows-1251'));
    const [item] = await collect([join(folder({ 'ru.txt': bytes }), 'ru.txt')]);
    expect(ok(item).original).toEqual(bytes);
  });

  it('reads UTF-16 files (their zero bytes are not binary)', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(RU, 'utf-16le')]);
    const [item] = await collect([join(folder({ 'ru.txt': bytes }), 'ru.txt')]);
    expect(ok(item).format).toBe('text');
  });

  it('lets overrides win over the file', async () => {
    const dir = folder({ 'c.json': JSON.stringify({ id: 'x', outlet: 'From file', published: '2020-01-01', text: EN }), 'd.txt': EN });
    const items = (await collect([dir], { overrides: { outlet: 'From flag', published: '2023-05-05', url: undefined } })).map(ok);
    expect(items[0].meta).toEqual({ id: 'x', outlet: 'From flag', published: '2023-05-05' });
    expect(items[1].meta).toEqual({ outlet: 'From flag', published: '2023-05-05' });
  });

  it('reads an explicitly named file with another extension as text when it looks like text', async () => {
    const dir = folder({ 'story.md': EN, 'blob.bin': new Uint8Array([0x00, 0x01, 0x02, 0x41]) });
    const [story, blob] = await collect([join(dir, 'story.md'), join(dir, 'blob.bin')]);
    expect(ok(story).format).toBe('text');
    expect(failed(blob)).toMatchObject({ origin: join(dir, 'blob.bin'), reason: expect.stringMatching(/^binary file/u) });
  });

  it('reads the shared corpus files as they are', async () => {
    const corpus = new URL('../../../shared/corpus/seeds/docs/', import.meta.url).pathname;
    const items = (await collect([corpus])).map(ok);
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const item of items) {
      expect(item.meta.id).toMatch(/^seed-/u);
      expect(item.meta.language).toBe('en');
      expect(item.decoded!.length).toBeGreaterThan(100);
    }
  });
});

describe('readSources: stdin', () => {
  const stdin = (content: string | Uint8Array) => Readable.from([typeof content === 'string' ? Buffer.from(content) : Buffer.from(content)]);
  it.each([
    ['json', JSON.stringify({ id: 's1', text: EN }), ['-'], 'text'],
    ['jsonl', `${JSON.stringify({ id: 's1', text: EN })}\n${JSON.stringify({ id: 's2', text: EN })}\n`, ['-:1', '-:2'], 'text'],
    ['html', `<!doctype html><html><body><p>${EN}</p></body></html>`, ['-'], 'html'],
    ['text', EN, ['-'], 'text'],
  ])('sniffs %s', async (_kind, content, origins, format) => {
    const items = (await collect(['-'], { stdin: stdin(content) })).map(ok);
    expect(items.map((i) => i.origin)).toEqual(origins);
    expect(items[0].format).toBe(format);
  });

  it('refuses stdin over the limit', async () => {
    const [item] = await collect(['-'], { stdin: stdin('x'.repeat(100)), maxBytes: 10 });
    expect(failed(item).reason).toMatch(/over the limit/u);
  });
});

describe('readSources: broken input', () => {
  it.each([
    ['empty.txt', '', /^empty file$/u],
    ['blank.txt', '  \n\t\n', /empty file/u],
    ['nul.txt', new Uint8Array([0x48, 0x69, 0x00, 0x21]), /binary file \(contains NUL bytes\)/u],
    ['controls.txt', new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), /too many control characters/u],
    ['bad.json', '{\n  "id": "x",\n  "text": "unterminated\n}', /^invalid JSON at line 3, column 24: /u],
    ['array.json', JSON.stringify([{ text: EN }]), /JSON array.*\.jsonl/u],
    ['notext.json', JSON.stringify({ id: 'x', title: 'T' }), /no "text" or "html" field/u],
    ['emptytext.json', JSON.stringify({ id: 'x', text: '  ' }), /empty "text"\/"html" field/u],
  ])('%s fails with a reason', async (name, content, reason) => {
    const [item] = await collect([join(folder({ [name]: content }), name)]);
    const failure = failed(item);
    expect(failure.origin).toContain(name);
    expect(failure.reason).toMatch(reason);
  });

  it('reports the line of a bad JSON line and still reads the others', async () => {
    const lines = [JSON.stringify({ id: 'a', text: EN }), '{"id": "b", "text": ', JSON.stringify({ id: 'c', text: EN }), JSON.stringify({ id: 'd' })];
    const dir = folder({ 'batch.jsonl': lines.join('\n') });
    const items = await collect([join(dir, 'batch.jsonl')]);
    expect(items.map((i) => i.ok)).toEqual([true, false, true, false]);
    expect(failed(items[1]).origin).toBe(join(dir, 'batch.jsonl:2'));
    expect(failed(items[1]).reason).toMatch(/^invalid JSON at column \d+/u);
    expect(failed(items[3])).toMatchObject({ origin: join(dir, 'batch.jsonl:4'), reason: expect.stringMatching(/no "text" or "html"/u) });
  });

  it('reports missing paths, broken links and link loops without stopping', async () => {
    const dir = folder({ 'good.txt': EN });
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'broken.txt'));
    symlinkSync(join(dir, 'loop.txt'), join(dir, 'loop.txt'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'ignored-link'));
    const items = await collect([dir, join(dir, 'missing.txt'), join(dir, 'broken.txt')]);
    expect(items.map((i) => (i.ok ? `ok ${i.input.origin}` : `${i.origin}: ${i.reason}`))).toEqual([
      `${join(dir, 'broken.txt')}: broken symbolic link (its target does not exist)`,
      `ok ${join(dir, 'good.txt')}`,
      `${join(dir, 'loop.txt')}: symbolic link loop`,
      `${join(dir, 'missing.txt')}: no such file or folder`,
      `${join(dir, 'broken.txt')}: broken symbolic link (its target does not exist)`,
    ]);
  });

  it('accepts a 50 MB file and refuses one over the limit', async () => {
    const dir = folder({});
    mkdirSync(dir, { recursive: true });
    const big = join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'Prisoners were moved. '));
    const [accepted] = await collect([big]);
    expect(ok(accepted).original.length).toBe(50 * 1024 * 1024);
    const [refused] = await collect([big], { maxBytes: 1024 * 1024 });
    expect(failed(refused).reason).toBe(`file is ${50 * 1024 * 1024} bytes, over the limit of ${1024 * 1024}`);
    rmSync(big);
  });
});

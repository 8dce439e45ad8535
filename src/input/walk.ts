import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** File name endings the readers know, and the kind of content each holds. */
export const EXTENSIONS: Record<string, 'text' | 'html' | 'json' | 'jsonl'> = {
  '.txt': 'text', '.text': 'text', '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

/** A file found in a folder, or an entry that could not be read (with the reason). */
export type WalkEntry = { ok: true; path: string; size: number } | { ok: false; origin: string; reason: string };

/**
 * Files with a known extension under a folder, recursively, in name order (code-point order, the
 * same on every machine); dotfiles and dot-folders are skipped, and so are files with other
 * extensions. Symbolic links are followed once (a folder reached twice is not walked again);
 * a broken or looping link with a known extension is reported, never thrown.
 */
export async function* walkFolder(folder: string, seen: Set<string> = new Set()): AsyncGenerator<WalkEntry> {
  let names: string[];
  try {
    const real = await realpath(folder);
    if (seen.has(real)) return;
    seen.add(real);
    names = (await readdir(folder)).filter((name) => !name.startsWith('.')).sort();
  } catch (error) {
    yield { ok: false, origin: folder, reason: await describeFsError(error, folder) };
    return;
  }
  for (const name of names) {
    const path = join(folder, name);
    const known = extname(name).toLowerCase() in EXTENSIONS;
    try {
      const info = await stat(path);
      if (info.isDirectory()) yield* walkFolder(path, seen);
      else if (info.isFile() && known) yield { ok: true, path, size: info.size };
    } catch (error) {
      if (known) yield { ok: false, origin: path, reason: await describeFsError(error, path) };
    }
  }
}

/** What went wrong with a path, for a file-system error (the caller names the path as the origin). */
export async function describeFsError(error: unknown, path: string): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    const isLink = await lstat(path).then((info) => info.isSymbolicLink(), () => false);
    return isLink ? 'broken symbolic link (its target does not exist)' : 'no such file or folder';
  }
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return `cannot be read (${code ?? (error as Error).message})`;
}

/**
 * How many bytes of reports `paths` hold (files, and the files with a known extension under
 * folders), counted only up to `limit`: past it, any number above it. Undefined when one of the
 * paths is stdin (`-`), whose size is not known beforehand. Paths that cannot be read count
 * nothing here: reading them reports why.
 */
export async function inputBytes(paths: readonly string[], limit: number): Promise<number | undefined> {
  if (paths.includes('-')) return undefined;
  let total = 0;
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        for await (const entry of walkFolder(path)) {
          if (entry.ok) total += entry.size;
          if (total > limit) return total;
        }
      } else {
        total += info.size;
      }
    } catch {
      // Reported when it is read.
    }
    if (total > limit) return total;
  }
  return total;
}

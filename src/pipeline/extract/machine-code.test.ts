import { describe, expect, it } from 'vitest';
import { compileOnFirstUse } from './machine-code.js';

describe('compileOnFirstUse', () => {
  it('leaves the pattern where it was and its matches as they were', () => {
    const re = /(?:заключ[её]нн\p{L}*|prisoners?)(?![\p{L}\p{N}])/giu;
    re.lastIndex = 5;
    compileOnFirstUse(re, 'около 40 заключённых');
    expect(re.lastIndex).toBe(5);
    re.lastIndex = 0;
    expect(re.exec('около 40 заключённых')?.[0]).toBe('заключённых');
    re.lastIndex = 0;
    expect(re.exec('about 40 prisoners')?.[0]).toBe('prisoners');
  });

  it('runs a pattern once however often it is asked', () => {
    const re = /x/y;
    let runs = 0;
    const exec = re.exec.bind(re);
    re.exec = (s: string) => (runs++, exec(s));
    compileOnFirstUse(re, 'x');
    compileOnFirstUse(re, 'x');
    expect(runs).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openRowSource } from './rowSource';
import { ReadError } from './importProblems';
import { tempDir } from './extractFixture';

async function readAll(content: string | Buffer) {
  const path = join(tempDir('matchlab-csv-'), 'f.csv');
  writeFileSync(path, content);
  const source = await openRowSource(path);
  const rows: string[][] = [];
  const lines: number[] = [];
  const numbers: number[] = [];
  for await (const b of source.batches()) {
    b.cells.forEach((c, i) => {
      rows.push(c);
      lines.push(b.lines[i]);
      numbers.push(b.firstRow + i);
    });
  }
  return { headers: source.headers, rows, lines, numbers, sha256: source.sha256(), bytes: source.bytesRead() };
}

describe('CSV dialects', () => {
  it('UTF-8 with a BOM, comma, LF', async () => {
    const r = await readAll('\uFEFFa,b\n1,Zo\u00EB\n');
    expect(r.headers).toEqual(['a', 'b']);
    expect(r.rows).toEqual([['1', 'Zo\u00EB']]);
  });
  it('semicolon and CRLF', async () => {
    const r = await readAll('a;b;c\r\n1;2,5;3\r\n4;5;6\r\n');
    expect(r.headers).toEqual(['a', 'b', 'c']);
    expect(r.rows).toEqual([['1', '2,5', '3'], ['4', '5', '6']]);
    expect(r.lines).toEqual([2, 3]);
  });
  it('TAB', async () => {
    const r = await readAll('a\tb\n1\t2\n');
    expect(r.rows).toEqual([['1', '2']]);
  });
  it('quoted separators, quotes and newlines; lines count from the start of each row', async () => {
    const r = await readAll('a,b\n"x, ""y""",1\n\n"two\nlines",2\n3,4');
    expect(r.rows).toEqual([['x, "y"', '1'], ['two\nlines', '2'], ['3', '4']]);
    expect(r.lines).toEqual([2, 4, 6]);
    expect(r.numbers).toEqual([1, 2, 3]);
  });
  it('rows of empty cells are skipped but keep the line count', async () => {
    const r = await readAll('a,b\n1,2\n,\n3,4\n');
    expect(r.rows).toEqual([['1', '2'], ['3', '4']]);
    expect(r.lines).toEqual([2, 4]);
  });
  it('a character split across read chunks is not mistaken for bad UTF-8; the checksum covers the whole file', async () => {
    // 256 KiB chunks: put multi-byte characters across the boundary.
    const row = 'Zo\u00EB,\u20AC\u20AC\u20AC\n';
    const content = 'a,b\n' + row.repeat(40_000);
    const r = await readAll(content);
    expect(r.rows).toHaveLength(40_000);
    expect(r.rows[39_999]).toEqual(['Zo\u00EB', '\u20AC\u20AC\u20AC']);
    expect(r.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(r.bytes).toBe(Buffer.byteLength(content));
  });
  it('CRLF with a quoted last cell, and a quoted line break across a read chunk keeps every line number', async () => {
    const before = 'x,1\r\n'.repeat(60_000);
    const r = await readAll(`a,b\r\n${before}"q,1","two\r\nlines"\r\n"z",3\r\n`);
    expect(r.rows).toHaveLength(60_002);
    expect(r.rows[60_000]).toEqual(['q,1', 'two\r\nlines']);
    expect(r.rows[60_001]).toEqual(['z', '3']);
    expect(r.lines.slice(-2)).toEqual([60_002, 60_004]);
  });
  it('refuses text after a closing quote, naming the line', async () => {
    const err = await readAll('a,b\n1,2\n"x"y,3\n').catch((e) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect(err.message).toMatch(/text after its closing quote/);
    expect(err.line).toBe(3);
  });
  it('refuses a quote never closed in a big file at once, not after re-reading the rest', async () => {
    const rows = 'x,1\n'.repeat(2_000_000);
    const err = await readAll(`a,b\n"open,1\n${rows}`).catch((e) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect(err.message).toMatch(/line 2 runs over 4 MiB/);
  });
  it('refuses Latin-1 with the line of the bad byte', async () => {
    const err = await readAll(Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xe9]), Buffer.from('\n')])).catch((e) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect(err.message).toMatch(/not UTF-8 .*line 3/);
  });
  it('refuses an empty file', async () => {
    await expect(readAll('')).rejects.toThrow(/empty/);
  });
});

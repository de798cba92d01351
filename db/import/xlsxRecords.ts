// Streaming XLSX reader: yauzl reads the zip by its central directory (so the order of the
// entries does not matter). Shared strings are read first, into memory; the sheet is then
// inflated and scanned as it streams (sheetXml.ts); saxes parses the small parts. Nothing is written to disk: exceljs's
// streaming reader spooled a sheet stored before its shared strings (Excel's usual order) to a
// temporary file in plaintext, which a crash left behind.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { ReadError } from './importProblems';
import { elementPrefix, scanRows, scanSharedStrings, type CellText } from './sheetXml';
import type { RecordBatch, RecordStream } from './rowSource';

type ZipFile = yauzl.ZipFile;
type Entry = yauzl.Entry;

function unreadable(err: unknown): ReadError {
  if (err instanceof ReadError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ReadError(`cannot be read as XLSX: ${message}`);
}

interface Archive {
  zip: ZipFile;
  entries: Map<string, Entry>;
}

function openArchive(path: string): Promise<Archive> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) return reject(unreadable(err));
      const entries = new Map<string, Entry>();
      zip.on('entry', (entry: Entry) => {
        entries.set(entry.fileName.replace(/^\//, ''), entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries }));
      zip.on('error', (e) => reject(unreadable(e)));
      zip.readEntry();
    });
  });
}

/** The entry's bytes as the zip holds them when `deflated` (yauzl still refuses an encrypted one), else as yauzl reads them. */
function entryStream(archive: Archive, entry: Entry, deflated: boolean): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const opened = (err: Error | null, stream: Readable) => (err || !stream ? reject(unreadable(err)) : resolve(stream));
    if (deflated) archive.zip.openReadStream(entry, { decompress: false, decrypt: null, start: null, end: null }, opened);
    else archive.zip.openReadStream(entry, opened);
  });
}

// Inflated a quarter of a megabyte at a time: yauzl's own inflate gives 16 KB pieces, and its 11,000 pieces of a
// 300,000-row sheet (180 MB of XML) took 0.5-0.65 s to inflate and hand over, against 0.18-0.25 s this way.
const INFLATE_CHUNK_BYTES = 256 * 1024;
const DEFLATE = 8;

/**
 * An entry's inflated bytes, a chunk at a time, with the compressed bytes read so far (for the progress). A deflated
 * entry is inflated here; yauzl checks any other (stored as it is, or a method it refuses). As yauzl does, the
 * inflated bytes must come to the size the zip gives for the entry: a stream that runs past it stops there.
 */
async function* entryBytes(archive: Archive, name: string): AsyncGenerator<{ bytes: Buffer; compressed: number }> {
  const entry = archive.entries.get(name);
  if (!entry) throw new ReadError(`cannot be read as XLSX: it has no ${name}`);
  const deflated = entry.compressionMethod === DEFLATE;
  const raw = await entryStream(archive, entry, deflated);
  let compressed = 0;
  let stream: Readable = raw;
  if (deflated) {
    raw.on('data', (chunk: Buffer) => (compressed += chunk.length));
    const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES });
    pipeline(raw, inflate, (err) => {
      if (err) inflate.destroy(err);
    });
    stream = inflate;
  }
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.uncompressedSize) throw new Error(`${name} holds more bytes than the zip says (${entry.uncompressedSize})`);
      if (!deflated) compressed = inflated;
      yield { bytes: chunk, compressed };
    }
    if (inflated !== entry.uncompressedSize) throw new Error(`${name} holds ${inflated} bytes where the zip says ${entry.uncompressedSize}`);
  } catch (err) {
    throw unreadable(err);
  } finally {
    stream.destroy();
    raw.destroy();
  }
}

/** An entry's XML text, a decoded chunk at a time. */
async function* entryText(archive: Archive, name: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const { bytes } of entryBytes(archive, name)) yield decoder.write(bytes);
  yield decoder.end();
}

/** Feeds a small entry's XML to saxes, whose handlers `setUp` attaches. */
async function readWholeEntry(archive: Archive, name: string, setUp: (parser: SaxesParser) => void): Promise<void> {
  const parser = new SaxesParser();
  setUp(parser);
  try {
    for await (const text of entryText(archive, name)) parser.write(text);
    parser.close();
  } catch (err) {
    throw unreadable(err);
  }
}

interface SheetRef {
  name: string;
  /** Path of its XML inside the zip. */
  path: string;
}

/** The workbook's sheets in workbook order, and whether its dates count from 1904. */
async function readWorkbook(archive: Archive): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const targets = new Map<string, string>();
  await readWholeEntry(archive, 'xl/_rels/workbook.xml.rels', (p) =>
    p.on('opentag', (tag) => {
      if (tag.name === 'Relationship') targets.set(String(tag.attributes.Id), String(tag.attributes.Target));
    }),
  );
  const sheets: SheetRef[] = [];
  let date1904 = false;
  await readWholeEntry(archive, 'xl/workbook.xml', (p) =>
    p.on('opentag', (tag) => {
      if (tag.name === 'workbookPr') date1904 = ['1', 'true'].includes(String(tag.attributes.date1904 ?? ''));
      if (tag.name !== 'sheet') return;
      const target = targets.get(String(tag.attributes['r:id'])) ?? '';
      sheets.push({ name: String(tag.attributes.name), path: target.startsWith('/') ? target.slice(1) : `xl/${target}` });
    }),
  );
  return { sheets, date1904 };
}

/**
 * The shared strings (rich text runs joined; phonetic guides left out), read only as far as the
 * sheet has needed them: the import's plan and the import screen's preview read the header row,
 * which needs a few of a big workbook's hundreds of thousands.
 */
class SharedStrings {
  readonly strings: string[] = [];
  private readonly chunks: AsyncGenerator<string> | null;
  private pending = '';
  private prefix: string | null = null;
  private done: boolean;

  constructor(archive: Archive) {
    this.chunks = archive.entries.has('xl/sharedStrings.xml') ? entryText(archive, 'xl/sharedStrings.xml') : null;
    this.done = this.chunks === null;
  }

  /** Reads on until string `index` is known or the part ends. */
  async readThrough(index: number): Promise<void> {
    while (!this.done && this.strings.length <= index) {
      const next = await this.chunks!.next();
      if (next.done) {
        this.done = true;
        break;
      }
      this.pending += next.value;
      this.prefix ??= elementPrefix(this.pending, 'sst');
      if (this.prefix === null) continue;
      const scanned = scanSharedStrings(this.pending, this.prefix, 0);
      for (const text of scanned.strings) this.strings.push(text);
      this.pending = this.pending.slice(scanned.consumed);
    }
  }

  async close(): Promise<void> {
    await this.chunks?.return(undefined);
  }
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, and the East Asian ones).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date when, outside quoted text, [brackets] and escapes, it has d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(bare);
}

/** Per cell style (the `s` attribute): whether numbers in it are dates. */
async function readDateStyles(archive: Archive): Promise<boolean[]> {
  const dateStyles: boolean[] = [];
  if (!archive.entries.has('xl/styles.xml')) return dateStyles;
  const customDate = new Map<number, boolean>();
  let inCellXfs = false;
  await readWholeEntry(archive, 'xl/styles.xml', (p) => {
    p.on('opentag', (tag) => {
      if (tag.name === 'numFmt') customDate.set(Number(tag.attributes.numFmtId), isDateFormatCode(String(tag.attributes.formatCode ?? '')));
      else if (tag.name === 'cellXfs') inCellXfs = true;
      else if (tag.name === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        dateStyles.push(customDate.get(id) ?? DATE_FORMAT_IDS.has(id));
      }
    });
    p.on('closetag', (tag) => {
      if (tag.name === 'cellXfs') inCellXfs = false;
    });
  });
  return dateStyles;
}

const DAY_MS = 86_400_000;

/** An Excel date serial as an ISO date (the 1900 or 1904 date system), as exceljs read it. */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

function sameSheetName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** SHA-256 of the whole file (the zip is read by offsets, not front to back). */
async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** Lists the sheet names of a workbook, in workbook order (for the import screen). */
export async function listSheets(path: string): Promise<string[]> {
  const archive = await openArchive(path);
  try {
    return (await readWorkbook(archive)).sheets.map((s) => s.name);
  } finally {
    archive.zip.close();
  }
}

export async function openXlsxRecords(path: string, sheet?: string): Promise<RecordStream> {
  const bytesTotal = statSync(path).size;
  let bytesRead = 0;
  let digest: string | null = null;
  const archive = await openArchive(path);

  async function* records(): AsyncGenerator<RecordBatch> {
    const shared = new SharedStrings(archive);
    try {
      const { sheets, date1904 } = await readWorkbook(archive);
      const wanted = sheet === undefined ? sheets[0] : sheets.find((s) => sameSheetName(s.name, sheet));
      if (!wanted) {
        throw new ReadError(sheet === undefined ? 'has no sheet' : `has no sheet named "${sheet}" (it has: ${sheets.map((s) => s.name).join(', ')})`);
      }
      const dateStyles = await readDateStyles(archive);
      const entry = archive.entries.get(wanted.path);
      const compressedTotal = entry?.compressedSize || 1;

      // Dates repeat (a cohort has a few thousand distinct days): each is formatted once.
      const isoOfSerial = new Map<number, string>();
      const dateText = (n: number): string => {
        let iso = isoOfSerial.get(n);
        if (iso === undefined) isoOfSerial.set(n, (iso = serialToIsoDate(n, date1904)));
        return iso;
      };
      // The highest shared string a scan wanted before it was read (-1: none).
      let unread = -1;
      const cellText: CellText = {
        shared: (index) => {
          if (index < shared.strings.length) return shared.strings[index];
          unread = Math.max(unread, index);
          return '';
        },
        isDate: (style) => dateStyles[style] === true,
        date: dateText,
      };
      let batches = 0;
      let width = -1;
      let rowNumber = 0;
      let pending: Buffer = Buffer.alloc(0);
      let prefix: string | null = null;
      for await (const { bytes, compressed } of entryBytes(archive, wanted.path)) {
        bytesRead = Math.round((bytesTotal * compressed) / compressedTotal);
        pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
        // The prefix is in the root element's tag, at the start (a few hundred bytes, ASCII in practice).
        prefix ??= elementPrefix(pending.toString('utf8', 0, Math.min(pending.length, 1 << 16)), 'worksheet');
        if (prefix === null) continue;
        let scanned = scanRows(pending, prefix, 0, rowNumber, cellText);
        if (unread >= 0) {
          // Read as far as these rows need, and scan them again.
          await shared.readThrough(unread);
          unread = -1;
          scanned = scanRows(pending, prefix, 0, rowNumber, cellText);
          unread = -1;
        }
        pending = pending.subarray(scanned.consumed);
        const batch: RecordBatch = { cells: [], lines: [] };
        for (const r of scanned.rows) {
          rowNumber = r.number;
          const row = r.cells;
          if (row.every((c) => c.trim() === '')) continue;
          // Trailing blank cells beyond the header's width are formatting, not data.
          let end = row.length;
          while (end > Math.max(width, 0) && row[end - 1].trim() === '') end--;
          row.length = end;
          while (row.length < width) row.push('');
          if (width < 0) width = row.length;
          batch.cells.push(row);
          batch.lines.push(r.number);
        }
        if (batch.cells.length > 0) {
          yield batch;
          // Past the first rows (the header) the whole sheet is being read: so are all its strings,
          // rather than scanning each chunk twice.
          if (++batches === 1) await shared.readThrough(Infinity);
        }
      }
      digest = await hashFile(path);
      bytesRead = bytesTotal;
    } catch (err) {
      throw unreadable(err);
    } finally {
      await shared.close();
      archive.zip.close();
    }
  }

  return {
    records: records(),
    bytesTotal,
    bytesRead: () => bytesRead,
    sha256: () => {
      if (digest === null) throw new Error('the checksum is known once the sheet has been read');
      return digest;
    },
  };
}

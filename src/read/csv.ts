/**
 * CSV dossiers, as spreadsheets and hand-made exports write them: UTF-8 with or without a BOM,
 * UTF-16LE with a BOM (Excel's "Unicode Text"), separated by commas, semicolons (where the
 * decimal mark is a comma) or tabs. Every cell arrives as text; the row number is the record's
 * number, the first line being 1.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { InputError, type RawRow, type WorkbookSource } from './types.js';

const SNIFF_BYTES = 64 * 1024;

function sniffEncoding(head: Buffer): { encoding: 'utf-8' | 'utf-16le'; bom: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  return { encoding: 'utf-8', bom: 0 };
}

/** The separator that splits the first lines most consistently into more than one field. */
export function sniffDelimiter(sample: string): string {
  const lines = sample.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 30);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t']) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const rowsWith = counts.filter((n) => n > 0).length;
    const mode = Math.max(0, ...counts);
    const score = rowsWith * 1000 + mode;
    if (rowsWith > 0 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

export async function openCsv(file: string): Promise<WorkbookSource> {
  let head: Buffer;
  try {
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'not-found' : 'unreadable', String((e as Error).message));
  }
  if (head.length === 0) throw new InputError(file, 'empty', 'the file is empty');
  const { encoding, bom } = sniffEncoding(head);
  const delimiter = sniffDelimiter(new TextDecoder(encoding).decode(head.subarray(bom)));
  const sheetName = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const sheet = { name: sheetName, hidden: false };

  async function* rows(): AsyncGenerator<RawRow> {
    const input = createReadStream(file, { start: bom });
    input.setEncoding(encoding === 'utf-16le' ? 'utf16le' : 'utf8');
    const parser = input.pipe(
      parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
    );
    let record = 0;
    try {
      for await (const fields of parser as AsyncIterable<string[]>) {
        record++;
        const cells = [];
        for (let i = 0; i < fields.length; i++) {
          if (fields[i].trim() !== '') cells.push({ t: 's' as const, v: fields[i], col: i + 1 });
        }
        if (cells.length) yield { row: record, cells };
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(file, 'bad-csv', (e as Error).message.split('\n')[0]);
    } finally {
      input.destroy();
    }
  }
  return { sheets: [sheet], rows: () => rows(), close: async () => {} };
}

/**
 * Workbooks whose XML never finishes a token: a tag, an attribute value, a comment, a CDATA
 * section, a processing instruction, an end tag or an element's text that runs on for megabytes
 * (a few kilobytes stored) to the end of its part. A reader that keeps the unfinished token and
 * scans it again from its start with every chunk takes time in the square of its length: minutes
 * for a file of kilobytes. Each shape goes into each part a workbook reads: a worksheet, the
 * shared strings, the workbook and the styles.
 */
import zlib from 'node:zlib';
import { deflateRepeated, SHEET_HEAD, WORKBOOK_PARTS } from './bad.js';
import { writeRawZip } from './zip.js';

export const HOSTILE_PARTS = ['sheet', 'sharedStrings', 'workbook', 'styles'] as const;
export type HostilePart = (typeof HOSTILE_PARTS)[number];

/**
 * Each shape: the token's opening, and what repeats after it, with nothing to end it; and what
 * would end it, for a workbook that finishes the token (and its part) after all.
 */
export const HOSTILE_SHAPES = {
  /** A start tag of endless attributes (each holding a '>', which ends no tag). */
  tag: { open: '<x', repeat: ' a="1>"', close: '/>' },
  /** An attribute value whose quote never closes. */
  attribute: { open: '<x a="', repeat: 'AAAAAAAA', close: '"/>' },
  /** A comment full of what looks like merged ranges (the merged-ranges pass searches for them). */
  comment: { open: '<!--', repeat: '<mergeCell ', close: '-->' },
  cdata: { open: '<![CDATA[', repeat: 'AAAAAAAA', close: ']]>' },
  pi: { open: '<?x ', repeat: 'AAAAAAAA', close: '?>' },
  /** An end tag whose '>' never comes. */
  'end-tag': { open: '</x', repeat: '        ', close: undefined },
  /** Text of a shared string (<si><t>) that never ends. */
  text: { open: '<si><t>', repeat: 'AAAAAAAA', close: undefined },
} as const;
export type HostileShape = keyof typeof HOSTILE_SHAPES;

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const WORKBOOK_HEAD = `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets>`;
/** The prolog and the start of each part, where the hostile token goes. */
const HEADS: Record<HostilePart, string> = {
  sheet: SHEET_HEAD,
  sharedStrings: `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="1" uniqueCount="1"><si><t>Họ và tên</t></si>`,
  workbook: WORKBOOK_HEAD,
  styles: `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><numFmts count="1">`,
};
/** How each part ends after its head. */
const TAILS: Record<HostilePart, string> = {
  sheet: '</sheetData></worksheet>',
  sharedStrings: '</sst>',
  workbook: '</workbook>',
  styles: '</numFmts></styleSheet>',
};
const PART_NAMES: Record<HostilePart, string> = {
  sheet: 'xl/worksheets/sheet1.xml',
  sharedStrings: 'xl/sharedStrings.xml',
  workbook: 'xl/workbook.xml',
  styles: 'xl/styles.xml',
};

/** Repeated in blocks of this many, so that the deflating is not one write per few bytes. */
const BLOCK = 4096;

/**
 * A workbook whose `part` ends in `shape`'s token, `bytes` (about) long and never finished — or,
 * with `finished`, finished after all and the part with it; the other parts are whole. (A
 * worksheet, shared strings and styles are found where Excel puts them.)
 */
export async function hostileWorkbook(part: HostilePart, shape: HostileShape, bytes: number, finished = false): Promise<Buffer> {
  const { open, repeat, close } = HOSTILE_SHAPES[shape];
  const block = repeat.repeat(Math.max(1, Math.floor(BLOCK / repeat.length)));
  const end = finished ? (close ?? '') + TAILS[part] : '';
  const { deflated, size } = await deflateRepeated(HEADS[part] + open, block, Math.max(1, Math.round(bytes / block.length)), end);
  const entry = (name: string, data: Buffer) => ({ name, deflated: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length });
  const others = HOSTILE_PARTS.filter((p) => p !== part).map((p) => entry(PART_NAMES[p], Buffer.from(HEADS[p] + TAILS[p])));
  const base = WORKBOOK_PARTS.filter((p) => p.name !== PART_NAMES.workbook).map((p) => entry(p.name, p.data));
  // The CRC of the hostile part is not worth computing: the reader must stop before it could check it.
  return writeRawZip([...base, ...others, { name: PART_NAMES[part], deflated, crc: 0, size }]);
}

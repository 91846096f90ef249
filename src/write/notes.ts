/**
 * Cell notes (Excel's "legacy" comments, which every spreadsheet program shows): the comments part
 * holding their text, and the VML drawing holding the box each is shown in. Written whole for a
 * sheet that had none (a CSV's copy, a sheet of an input without notes), or entry by entry into
 * an input's own parts (report/annotate/notes.ts).
 */
import { cellText, NS_MAIN } from './sheet-xml.js';

export const NOTE_AUTHOR = 'hoso';

export const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const VML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';

export interface Note {
  row: number;
  col: number;
  /** The reference, "B12". */
  ref: string;
  text: string;
}

/** A run of note text, as appended to a note that has some already. */
export const noteRun = (text: string, p = ''): string =>
  `<${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="Tahoma"/><${p}family val="2"/></${p}rPr><${p}t xml:space="preserve">${cellText(text)}</${p}t></${p}r>`;

/** One note of the comments part. */
export const commentXml = (note: Note, authorId: number, p = ''): string =>
  `<${p}comment ref="${note.ref}" authorId="${authorId}" shapeId="0"><${p}text>${noteRun(note.text, p)}</${p}text></${p}comment>`;

export const COMMENTS_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>`;
export const COMMENTS_TAIL = '</commentList></comments>';

export const VML_NAMESPACES = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};

/** The VML namespaces declared as attributes, for a drawing's root (or a shape whose drawing does not declare them). */
export const vmlNamespaces = (): string =>
  Object.entries(VML_NAMESPACES)
    .map(([k, v]) => ` xmlns:${k}="${v}"`)
    .join('');

/** The shape type a note's box is drawn with, which a drawing must hold once. */
export const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The box of a note, hidden until the cell is pointed at; `id` is the shape's number in the workbook. */
export function noteShape(note: Note, id: number, declare = false): string {
  const ns = declare ? vmlNamespaces() : '';
  const top = Math.max(0, note.row - 2);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202"${ns} style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:72pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${note.col}, 15, ${top}, 10, ${note.col + 3}, 15, ${top + 5}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${note.row - 1}</x:Row><x:Column>${note.col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * The start of a new VML drawing. Its shapes are numbered from block × 1024 + 1, a block of 1,024
 * per block the drawing declares in its id map: drawings of one workbook take different blocks.
 */
export function vmlHead(block: number, shapes: number): string {
  const blocks = Array.from({ length: vmlBlocks(shapes) }, (_, i) => block + i).join(',');
  return `<xml${vmlNamespaces()}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks}"/></o:shapelayout>${NOTE_SHAPETYPE}`;
}

export const VML_TAIL = '</xml>';

/** A new comments part holding the notes. */
export function writeComments(notes: Iterable<Note>, write: (xml: string) => void): void {
  write(COMMENTS_HEAD);
  for (const note of notes) write(commentXml(note, 0));
  write(COMMENTS_TAIL);
}

/** A new VML drawing holding the notes' boxes, its shapes numbered in the id map's `block`. */
export function writeVml(notes: readonly Note[], block: number, write: (xml: string) => void): void {
  write(vmlHead(block, notes.length));
  let id = block * 1024;
  for (const note of notes) write(noteShape(note, ++id));
  write(VML_TAIL);
}

/** How many id-map blocks a drawing of this many shapes takes (see vmlHead). */
export const vmlBlocks = (shapes: number): number => Math.max(1, Math.ceil((shapes + 1) / 1024));

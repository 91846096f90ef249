/**
 * The parts a worksheet relates to, written as Excel writes them: legacy notes (a comments part
 * and the VML drawing that shows them), threaded comments with the placeholder note Excel keeps
 * beside each for older readers, drawings holding a picture or a chart, the picture itself and
 * the printer settings Excel saves with a page setup.
 */
import zlib from 'node:zlib';
import { columnIndex } from '../../src/read/types.js';
import { splitRef } from './sheet-xml.js';
import { esc, NS, type PackageWriter } from './opc-writer.js';

export interface Note {
  ref: string;
  author: string;
  text: string;
}

export interface Person {
  name: string;
  id: string;
}

export interface Thread {
  ref: string;
  /** The thread's id, also the placeholder note's xr:uid and its author's `tc=` name. */
  id: string;
  comments: { person: Person; at: string; text: string; id: string }[];
}

/** What Excel writes in the legacy note of a threaded comment, for programs that cannot read threads. */
export function threadPlaceholder(t: Thread): string {
  const [first, ...replies] = t.comments;
  return (
    '[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\n' +
    `Comment:\n    ${first.text}` +
    replies.map((r) => `\nReply:\n    ${r.text}`).join('')
  );
}

const NOTE_FONT = '<sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/>';

/** The comments part: notes as Excel writes them (the author in bold, the text under it), then thread placeholders. */
export function commentsXml(pkg: PackageWriter, notes: Note[], threads: Thread[]): string {
  const authors = [...new Set([...notes.map((n) => n.author), ...threads.map((t) => `tc=${t.id}`)])];
  const items = [
    ...notes.map((n, i) => ({
      ref: n.ref,
      author: n.author,
      uid: `{8D3F0C1A-5B2E-4C7D-9A10-${String(i + 1).padStart(12, '0')}}`,
      body: `<r><rPr><b/>${NOTE_FONT}</rPr><t>${esc(n.author)}:</t></r><r><rPr>${NOTE_FONT}</rPr><t xml:space="preserve">\n${esc(n.text)}</t></r>`,
    })),
    ...threads.map((t) => ({ ref: t.ref, author: `tc=${t.id}`, uid: t.id, body: `<t xml:space="preserve">${esc(threadPlaceholder(t))}</t>` })),
  ].sort((a, b) => splitRef(a.ref).row - splitRef(b.ref).row || columnIndex(splitRef(a.ref).col) - columnIndex(splitRef(b.ref).col));
  const list = items.map((c) => `<comment ref="${c.ref}" authorId="${authors.indexOf(c.author)}" shapeId="0" xr:uid="${c.uid}"><text>${c.body}</text></comment>`);
  return pkg.xml(
    `<comments xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="xr" xmlns:xr="${NS.xr}"><authors>${authors.map((a) => `<author>${esc(a)}</author>`).join('')}</authors><commentList>${list.join('')}</commentList></comments>`,
  );
}

/**
 * The VML drawing that shows the notes: one hidden shape per note, anchored beside its cell.
 * Excel writes it without a prolog, broken over lines with CRLF; `sheetNo` numbers the shapes
 * (sheet n's shapes are _x0000_s{n·1024+1}…), as Excel does.
 */
export function notesVml(refs: string[], sheetNo: number): string {
  const shapes = refs.map((ref, i) => {
    const { col, row } = splitRef(ref);
    const c = columnIndex(col) - 1;
    const r = row - 1;
    return (
      ` <v:shape id="_x0000_s${sheetNo * 1024 + 1 + i}" type="#_x0000_t202" style='position:absolute;\r\n` +
      `  margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${i + 1};\r\n` +
      `  visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">\r\n` +
      '  <v:fill color2="#ffffe1"/>\r\n  <v:shadow color="black" obscured="t"/>\r\n  <v:path o:connecttype="none"/>\r\n' +
      "  <v:textbox style='mso-direction-alt:auto'>\r\n   <div style='text-align:left'></div>\r\n  </v:textbox>\r\n" +
      '  <x:ClientData ObjectType="Note">\r\n   <x:MoveWithCells/>\r\n   <x:SizeWithCells/>\r\n' +
      `   <x:Anchor>\r\n    ${c + 1}, 15, ${Math.max(0, r - 1)}, 2, ${c + 3}, 15, ${r + 3}, 16</x:Anchor>\r\n` +
      `   <x:AutoFill>False</x:AutoFill>\r\n   <x:Row>${r}</x:Row>\r\n   <x:Column>${c}</x:Column>\r\n  </x:ClientData>\r\n </v:shape>`
    );
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
    ` <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="${sheetNo}"/>\r\n </o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n' +
    '  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>' +
    shapes.join('') +
    '</xml>'
  );
}

export function threadedCommentsXml(pkg: PackageWriter, threads: Thread[]): string {
  const items = threads.flatMap((t) =>
    t.comments.map((c, i) => `<threadedComment ref="${t.ref}" dT="${c.at}" personId="${c.person.id}" id="${c.id}"${i ? ` parentId="${t.id}"` : ''}><text>${esc(c.text)}</text></threadedComment>`),
  );
  return pkg.xml(`<ThreadedComments xmlns="${NS.threaded}" xmlns:x="${NS.main}">${items.join('')}</ThreadedComments>`);
}

export function personsXml(pkg: PackageWriter, persons: Person[]): string {
  const list = persons.map((p) => `<person displayName="${esc(p.name)}" id="${p.id}" userId="${esc(p.name)}" providerId="None"/>`);
  return pkg.xml(`<personList xmlns="${NS.threaded}" xmlns:x="${NS.main}">${list.join('')}</personList>`);
}

// ---------------------------------------------------------------------------------------------
// Drawings

/** Where a drawing object sits: from one cell's corner to another's. */
export interface Anchor {
  from: [col: number, row: number];
  to: [col: number, row: number];
}

const EMU = 9525; // one pixel
const corner = (tag: string, [col, row]: [number, number]) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>${2 * EMU}</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>${2 * EMU}</xdr:rowOff></xdr:${tag}>`;

/** A drawing of a picture (a unit's emblem beside its name), anchored to move with its cells. */
export function pictureAnchor(a: Anchor, rid: string, id: number, descr: string): string {
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${corner('from', a.from)}${corner('to', a.to)}<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${id}" name="Picture ${id - 1}" descr="${esc(descr)}"/>` +
    '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>' +
    `<xdr:blipFill><a:blip xmlns:r="${NS.r}" r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    '<xdr:spPr><a:xfrm><a:off x="19050" y="19050"/><a:ext cx="438150" cy="438150"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

export function chartAnchor(a: Anchor, rid: string, id: number): string {
  return (
    `<xdr:twoCellAnchor>${corner('from', a.from)}${corner('to', a.to)}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Chart ${id - 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

export function drawingXml(pkg: PackageWriter, anchors: string[]): string {
  return pkg.xml(`<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join('')}</xdr:wsDr>`);
}

/** A clustered column chart of `values` by `categories`, both ranges of `sheet`, with their caches. */
export function barChartXml(pkg: PackageWriter, title: string, sheet: string, cats: { ref: string; values: string[] }, vals: { ref: string; values: number[] }): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const pts = (xs: (string | number)[]) => `<c:ptCount val="${xs.length}"/>${xs.map((x, i) => `<c:pt idx="${i}"><c:v>${esc(String(x))}</c:v></c:pt>`).join('')}`;
  const text = `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1400" b="1"/><a:t>${esc(title)}</a:t></a:r></a:p></c:rich></c:tx>`;
  return pkg.xml(
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
      `<c:chart><c:title>${text}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
      '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
      `<c:ser><c:idx val="0"/><c:order val="0"/><c:spPr><a:solidFill><a:srgbClr val="C00000"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${esc(`${quoted}!${cats.ref}`)}</c:f><c:strCache>${pts(cats.values)}</c:strCache></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${esc(`${quoted}!${vals.ref}`)}</c:f><c:numCache><c:formatCode>General</c:formatCode>${pts(vals.values)}</c:numCache></c:numRef></c:val></c:ser>` +
      '<c:gapWidth val="150"/><c:axId val="512345601"/><c:axId val="512345602"/></c:barChart>' +
      '<c:catAx><c:axId val="512345601"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="512345602"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
      '<c:valAx><c:axId val="512345602"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="512345601"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
      '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>',
  );
}

// ---------------------------------------------------------------------------------------------
// Binary parts

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A small emblem: a red square with a yellow one in its middle (a PNG, RGB, 8 bits). */
export function emblemPng(size = 24): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const line = y * (1 + size * 3); // filter byte 0, then the pixels
    for (let x = 0; x < size; x++) {
      const inner = Math.abs(x - size / 2 + 0.5) < size / 5 && Math.abs(y - size / 2 + 0.5) < size / 5;
      raw.set(inner ? [0xff, 0xd7, 0x00] : [0xda, 0x25, 0x1d], line + 1 + x * 3);
    }
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The printer settings Excel saves beside a page setup: a Windows DEVMODEW (A4, landscape). */
export function printerSettings(): Buffer {
  const dm = Buffer.alloc(220);
  dm.write('Canon LBP2900', 0, 'utf16le'); // dmDeviceName, 32 characters
  dm.writeUInt16LE(0x0401, 64); // dmSpecVersion
  dm.writeUInt16LE(0x0600, 66); // dmDriverVersion
  dm.writeUInt16LE(220, 68); // dmSize
  dm.writeUInt16LE(0, 70); // dmDriverExtra
  dm.writeUInt32LE(0x1 | 0x2 | 0x400, 72); // dmFields: orientation, paper size, print quality
  dm.writeInt16LE(2, 76); // dmOrientation: landscape
  dm.writeInt16LE(9, 78); // dmPaperSize: A4
  dm.writeInt16LE(1, 86); // dmCopies
  dm.writeInt16LE(600, 90); // dmPrintQuality
  dm.write('A4', 102, 'utf16le'); // dmFormName
  return dm;
}

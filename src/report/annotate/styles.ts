/**
 * The copy's styles: the input's styles.xml with, appended, a fill and a border per severity, a
 * bold font and a link's font, and in `<cellXfs>` the findings sheet's header and link styles and
 * one copy of each style a marked cell had per severity it is marked at (its own number format,
 * font, alignment and protection, with the severity's fill and border). Every index the input's
 * cells use keeps its meaning; only the lists' counts change. Indexes of the appended styles are
 * fixed before the sheets are written (from a first pass that counts the lists), the copies of
 * styles gathered as the sheets are, and the part written after them.
 */
import type { Severity } from '../../engine/types.js';
import { BOLD_FONT, LINK_FONT, SEVERITIES, severityBorder, severityFill } from '../../write/severity-style.js';
import { NS_MAIN } from '../../write/sheet-xml.js';
import { closing, EMPTY, END, opened, pass, START, withAttr, type Editor, type Tag } from './tags.js';

const LISTS = ['fonts', 'fills', 'borders', 'cellXfs'] as const;
type List = (typeof LISTS)[number];
const ITEM: Record<List, string> = { fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' };
/** The stylesheet's children in the schema's order (CT_Stylesheet): a missing list goes before the first that follows it. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** What every styles part starts its lists with: Excel reads fills 0 and 1 as none and gray125 whatever they say. */
const DEFAULTS = (p: string): Record<List, string[]> => ({
  fonts: [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`],
  fills: [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`],
  borders: [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
  cellXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
});

/** How many items each list holds; undefined for a list the part lacks. */
export type StyleCounts = Partial<Record<List, number>>;

/** Counts the lists' items (the `count` attributes may say otherwise). */
export async function countStyles(text: AsyncIterable<string>, maxToken: number): Promise<StyleCounts> {
  const counts: StyleCounts = {};
  let list: List | undefined;
  const names = [...LISTS, ...LISTS.map((l) => ITEM[l])];
  const handler = (tag: Tag) => {
    if (tag.id < LISTS.length && tag.depth === 2) {
      if (tag.kind !== END) counts[LISTS[tag.id]] = 0;
      list = tag.kind === START ? LISTS[tag.id] : undefined;
    } else if (list && tag.depth === 3 && tag.kind !== END && names[tag.id] === ITEM[list]) counts[list]! += 1;
    return undefined;
  };
  await pass(text, { names, handler }, maxToken);
  return counts;
}

/** The appended styles' indexes, and the copies of styles the marked cells take. */
export class StylePlan {
  /** Items in each list once the defaults a list lacks are there: the first appended item's index. */
  readonly base: Record<List, number>;
  /** The findings sheet's header (bold) and link styles. */
  readonly bold: number;
  readonly link: number;
  private readonly copies = new Map<string, number>();
  /** The style each copy is of, and its severity, in the order of their indexes. */
  readonly copied: { xf: number; severity: Severity }[] = [];

  constructor(readonly counts: StyleCounts) {
    const min = (l: List) => Math.max(counts[l] ?? 0, DEFAULTS('')[l].length);
    this.base = { fonts: min('fonts'), fills: min('fills'), borders: min('borders'), cellXfs: min('cellXfs') };
    this.bold = this.base.cellXfs;
    this.link = this.bold + 1;
  }

  /** The style of a cell of style `xf` marked at `severity`: a copy made once per pair. */
  styleFor(xf: number, severity: Severity): number {
    const key = `${xf}:${severity}`;
    let index = this.copies.get(key);
    if (index === undefined) {
      index = this.link + 1 + this.copied.length;
      this.copies.set(key, index);
      this.copied.push({ xf, severity });
    }
    return index;
  }

  /** A list's items to append, after the defaults it lacks; `xfs` holds the XML of the styles copied. */
  additions(l: List, p: string, xfs: ReadonlyMap<number, string>): string {
    const defaults = DEFAULTS(p);
    const lacking = (l: List) => defaults[l].slice(this.counts[l] ?? 0);
    const fill = (s: Severity) => this.base.fills + SEVERITIES.indexOf(s);
    const border = (s: Severity) => this.base.borders + SEVERITIES.indexOf(s);
    const copy = ({ xf, severity }: { xf: number; severity: Severity }) => {
      const own = xfs.get(xf) ?? defaults.cellXfs[0];
      const start = own.slice(0, own.indexOf('>') + 1);
      let tag = withAttr(withAttr(start, 'fillId', String(fill(severity))), 'borderId', String(border(severity)));
      tag = withAttr(withAttr(tag, 'applyFill', '1'), 'applyBorder', '1');
      return tag + own.slice(start.length);
    };
    const appended = {
      fonts: () => [BOLD_FONT(p), LINK_FONT(p)],
      fills: () => SEVERITIES.map((s) => severityFill(s, p)),
      borders: () => SEVERITIES.map((s) => severityBorder(s, p)),
      cellXfs: () => [
        `<${p}xf numFmtId="0" fontId="${this.base.fonts}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`,
        `<${p}xf numFmtId="0" fontId="${this.base.fonts + 1}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`,
        ...this.copied.map(copy),
      ],
    };
    return [...lacking(l), ...appended[l]()].join('');
  }

  /** Items in a list once written. */
  total(l: List): number {
    return this.base[l] + (l === 'fonts' ? 2 : l === 'cellXfs' ? 2 + this.copied.length : SEVERITIES.length);
  }
}

const NAMES = ['styleSheet', ...LISTS, 'xf', 'alignment', 'protection', ...ORDER.filter((n) => !(LISTS as readonly string[]).includes(n))];
const [STYLESHEET, XF, ALIGNMENT, PROTECTION] = [0, 5, 6, 7];

/** The input's styles.xml rewritten with the plan's styles appended (see the module's comment). */
export function stylesRewriter(plan: StylePlan): Editor {
  const wanted = new Set(plan.copied.map((c) => c.xf));
  /** The wanted styles' XML, by index. */
  const xfs = new Map<number, string>();
  let p = '';
  const add = (l: List) => plan.additions(l, p, xfs);
  const missing = new Set(LISTS.filter((l) => plan.counts[l] === undefined));
  /** A list being read, and in <cellXfs> the style being gathered. */
  let list: List | undefined;
  let xfIndex = -1;
  let gathering: string[] | undefined;

  /** The lists the part lacks that go before this top-level element (all of them before the root's end). */
  function lacking(name: string | undefined): string {
    const at = name === undefined ? ORDER.length : ORDER.indexOf(name);
    let xml = '';
    for (const l of LISTS) {
      if (!missing.has(l) || ORDER.indexOf(l) >= at) continue;
      missing.delete(l);
      xml += `<${p}${l} count="${plan.total(l)}">${add(l)}</${p}${l}>`;
    }
    return xml;
  }

  const handler = (tag: Tag): string | undefined => {
    if (tag.id === STYLESHEET) {
      if (tag.depth !== 1) return undefined;
      if (tag.kind === START) p = tag.prefix;
      return tag.kind === END ? lacking(undefined) + tag.raw : undefined;
    }
    if (tag.id >= XF && tag.id <= PROTECTION) {
      gather(tag);
      return undefined;
    }
    if (tag.depth !== 2) return undefined;
    const name = NAMES[tag.id];
    const before = tag.kind === END ? '' : lacking(name);
    const l = LISTS.find((x) => x === name);
    if (!l) return before ? before + tag.raw : undefined;
    if (tag.kind === END) {
      list = undefined;
      return add(l) + tag.raw;
    }
    const start = withAttr(tag.raw, 'count', String(plan.total(l)));
    if (tag.kind === START) {
      list = l;
      return before + start;
    }
    return `${before}${opened(start)}${add(l)}${closing(tag, l)}`;
  };

  /** Keeps the XML of each style a copy is made of: its tag, and its alignment and protection. */
  function gather(tag: Tag): void {
    if (list !== 'cellXfs') return;
    if (tag.id === XF && tag.depth === 3) {
      if (tag.kind === END) {
        if (gathering) xfs.set(xfIndex, gathering.join('') + tag.raw);
        gathering = undefined;
        return;
      }
      xfIndex++;
      if (!wanted.has(xfIndex)) return;
      if (tag.kind === EMPTY) xfs.set(xfIndex, tag.raw);
      else gathering = [tag.raw];
    } else if (gathering && tag.depth === 4 && tag.kind !== END) {
      // An alignment or protection given as a start tag is closed here: its content is only ever empty.
      gathering.push(tag.kind === EMPTY ? tag.raw : `${opened(tag.raw).slice(0, -1)}/>`);
    }
  }

  return { names: NAMES, handler };
}

/** The styles part of a copy whose input had none. */
export function newStyles(plan: StylePlan): string {
  const list = (l: List) => `<${l} count="${plan.total(l)}">${plan.additions(l, '', new Map())}</${l}>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">${LISTS.map(list).join('')}</styleSheet>`;
}


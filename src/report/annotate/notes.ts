/**
 * A sheet's notes merged into the comments part and VML drawing it already has: a marked cell
 * with a note keeps its text and gets the findings' lines under it (a threaded comment's cell has
 * such a note, which Excel shows beside the thread: the thread itself, a part of its own, is left
 * as it is); a marked cell with none gets a new note, and its box in the drawing.
 */
import { commentXml, NOTE_AUTHOR, NOTE_SHAPETYPE, noteRun, noteShape, VML_NAMESPACES, vmlNamespaces, type Note } from '../../write/notes.js';
import { attr, closing, EMPTY, END, opened, pass, START, type Editor, type Tag } from './tags.js';

/** The cells the comments part has a note for. */
export async function notedCells(text: AsyncIterable<string>, maxToken: number): Promise<Set<string>> {
  const refs = new Set<string>();
  await pass(text, { names: ['comment'], handler: (tag) => void (tag.kind !== END && refs.add(attr(tag.raw, 'ref') ?? '')) }, maxToken);
  return refs;
}

const COMMENT_NAMES = ['authors', 'author', 'commentList', 'comment', 'text', 't', 'rPh', 'phoneticPr'];
const [AUTHORS, AUTHOR, LIST, COMMENT, TEXT, T] = [0, 1, 2, 3, 4, 5];

/**
 * The comments part with hoso as one more author, the findings' lines appended to the notes the
 * marked cells have (after their text, made runs, before any phonetic run, which the schema puts last), and a note for each
 * marked cell that has none (`fresh`, in order) at the list's end.
 */
export function commentsMerger(notes: ReadonlyMap<string, Note>, fresh: readonly Note[]): Editor {
  let authors = 0;
  let authorId = 0;
  /** The note of the comment being read, while its findings are still to be added. */
  let pending: Note | undefined;
  const appended = (tag: Tag) => (pending ? noteRun(`\n${pending.text}`, tag.prefix) : '');
  const added = (p: string) => fresh.map((n) => commentXml(n, authorId, p)).join('');
  const handler = (tag: Tag): string | undefined => {
    switch (tag.id) {
      case AUTHORS:
        if (tag.kind === START) return undefined;
        authorId = authors;
        return tag.kind === END ? `<${tag.prefix}author>${NOTE_AUTHOR}</${tag.prefix}author>${tag.raw}` : `${opened(tag.raw)}<${tag.prefix}author>${NOTE_AUTHOR}</${tag.prefix}author>${closing(tag, 'authors')}`;
      case AUTHOR:
        if (tag.kind !== END) authors++;
        return undefined;
      case LIST:
        if (tag.kind === START) return undefined;
        return tag.kind === END ? added(tag.prefix) + tag.raw : `${opened(tag.raw)}${added(tag.prefix)}${closing(tag, 'commentList')}`;
      case COMMENT:
        pending = tag.kind === START ? notes.get(attr(tag.raw, 'ref') ?? '') : undefined;
        return undefined;
      case TEXT:
        if (!pending || tag.depth !== 4) return undefined;
        if (tag.kind === EMPTY) {
          const text = `${opened(tag.raw)}${appended(tag)}${closing(tag, 'text')}`;
          pending = undefined;
          return text;
        }
        return tag.kind === END ? end(tag) : undefined;
      case T:
        // A note's plain text (no runs) becomes a run: readers that take a note's runs (exceljs)
        // would show only the lines added after it.
        if (!pending || tag.depth !== 5) return undefined;
        if (tag.kind === START) return `<${tag.prefix}r>${tag.raw}`;
        return tag.kind === END ? `${tag.raw}</${tag.prefix}r>` : `<${tag.prefix}r>${tag.raw}</${tag.prefix}r>`;
      default:
        // <rPh> and <phoneticPr> close the text: the lines go before them.
        return tag.depth === 5 && tag.kind !== END ? end(tag) : undefined;
    }
  };
  const end = (tag: Tag) => {
    const text = appended(tag);
    pending = undefined;
    return text ? text + tag.raw : undefined;
  };
  return { names: COMMENT_NAMES, handler };
}

const VML_NAMES = ['xml', 'shapetype', 'shape'];
const [ROOT, SHAPETYPE, SHAPE] = [0, 1, 2];

/**
 * The VML drawing with a box for each new note, numbered after its highest shape, and the notes'
 * shape type if it lacks it. The end of its root is looked for by name alone: Excel's VML is not
 * always well-formed XML (an unclosed `<br>`), so depths cannot be trusted.
 */
export function vmlMerger(fresh: readonly Note[]): Editor {
  let declared = false;
  let hasType = false;
  let highest = 1024;
  const handler = (tag: Tag): string | undefined => {
    if (tag.id === ROOT) {
      if (tag.kind === START) declared = Object.entries(VML_NAMESPACES).every(([k, v]) => attr(tag.raw, `xmlns:${k}`) === v);
      if (tag.kind !== END) return undefined;
      const type = hasType ? '' : declared ? NOTE_SHAPETYPE : NOTE_SHAPETYPE.replace('<v:shapetype', `<v:shapetype${vmlNamespaces()}`);
      return type + fresh.map((n) => noteShape(n, ++highest, !declared)).join('') + tag.raw;
    }
    if (tag.kind === END) return undefined;
    if (tag.id === SHAPETYPE && attr(tag.raw, 'id') === '_x0000_t202') hasType = true;
    if (tag.id === SHAPE) {
      const n = /^_x0000_s(\d+)$/.exec(attr(tag.raw, 'id') ?? '');
      if (n) highest = Math.max(highest, Number(n[1]));
    }
    return undefined;
  };
  return { names: VML_NAMES, handler };
}

/**
 * What the copy of a package is to be, gathered before a byte of it is written: the input's parts
 * by name, the passes the parts it changes go through, the new parts to write after them, the
 * content types and relationships the new parts need, and part names no part has.
 */
import { InputError } from '../../read/types.js';
import { shown } from '../../printable.js';
import { TokenTooLong, XmlError } from '../../read/xml-token.js';
import { COMMENTS_REL, COMMENTS_TYPE, VML_REL, VML_TYPE, vmlBlocks, writeComments, writeVml } from '../../write/notes.js';
import { notesOf, type SheetMarks } from './marks.js';
import { commentsMerger, notedCells, vmlMerger } from './notes.js';
import { dirOf, partKey, relativeTarget, relsOf, type PackageEntry, type PackageSource } from './package.js';
import { addRels, newRels, readRels, relIds, type ContentTypes, type NewRel, type Rel } from './parts.js';
import { legacyDrawingId } from './sheet.js';
import type { Editor } from './tags.js';

/** The first id-map block of the drawings the copy adds: above those Excel numbers its own from (1, 2, …). */
const FIRST_BLOCK = 100;

export class CopyPlan {
  /** The parts rewritten, by key: the pass each goes through. */
  readonly rewrites = new Map<string, () => Editor>();
  /** The new parts, written after the input's, in this order. */
  readonly added: { part: string; write: (out: (text: string) => void) => void }[] = [];
  readonly types: ContentTypes = { overrides: [], defaults: [] };
  private readonly byKey: Map<string, PackageEntry>;
  private readonly taken: Set<string>;
  private block = FIRST_BLOCK;

  constructor(
    readonly source: PackageSource,
    readonly file: string,
    readonly maxToken: number,
  ) {
    this.byKey = new Map(source.entries.map((e) => [partKey(e.name), e]));
    this.taken = new Set(this.byKey.keys());
  }

  entry(part: string | undefined): PackageEntry | undefined {
    return part === undefined ? undefined : this.byKey.get(partKey(part));
  }

  /** Runs work on a part, what its XML makes the passes refuse said as the InputError of that part. */
  async inPart<T>(part: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof XmlError) throw new InputError(this.file, err instanceof TokenTooLong ? 'token-too-long' : 'bad-xml', `${shown(part)}: ${err.message}`);
      throw err;
    }
  }

  /** A part's text, for a pass that only reads it. */
  read<T>(e: PackageEntry, pass: (text: AsyncIterable<string>, maxToken: number) => Promise<T>): Promise<T> {
    return this.inPart(e.name, () => pass(this.source.text(e), this.maxToken));
  }

  /** The relationships of a part (none if it has no relationships part). */
  async relsOf(part: string): Promise<Rel[]> {
    const e = this.entry(relsOf(part));
    return e ? this.read(e, (text, max) => readRels(text, dirOf(part), max)) : [];
  }

  rewrite(part: string, editor: () => Editor): void {
    this.rewrites.set(partKey(part), editor);
  }

  /** A part name no part has: the wanted one, or the first of pattern(1), pattern(2)… */
  freePart(pattern: (n: number) => string, wanted?: string): string {
    for (let n = 0; ; n++) {
      const name = n === 0 ? wanted : pattern(n);
      if (name !== undefined && !this.taken.has(partKey(name))) {
        this.taken.add(partKey(name));
        return name;
      }
    }
  }

  /** A new part of the package: its content type, and where it is written. */
  add(part: string, type: string | undefined, write: (out: (text: string) => void) => void): void {
    if (type) this.types.overrides.push({ part, type });
    this.added.push({ part, write });
  }

  /** The relationships added to a part's: its relationships part edited, or made. */
  relate(part: string, rels: readonly NewRel[]): void {
    if (!rels.length) return;
    const relsPart = relsOf(part);
    if (this.entry(relsPart)) this.rewrite(relsPart, () => addRels(rels));
    // The package's own relationships come first, as a reader looking for the workbook expects.
    else if (part === '') this.added.unshift({ part: relsPart, write: (out) => out(newRels(rels)) });
    else this.add(relsPart, undefined, (out) => out(newRels(rels)));
  }

  /**
   * A sheet's notes: merged into its comments part and drawing, or written into new ones. Gives
   * the relationship id of the `<legacyDrawing>` the sheet is to get when its drawing is new.
   */
  async notes(part: string, marks: SheetMarks, bookDir: string): Promise<string | undefined> {
    const notes = new Map(notesOf(marks).map((n) => [n.ref, n]));
    const rels = await this.relsOf(part);
    const relId = relIds(rels);
    const added: NewRel[] = [];
    const relate = (type: string, target: string) => {
      const id = relId();
      added.push({ id, type, target: relativeTarget(dirOf(part), target) });
      return id;
    };
    const comments = rels.find((r) => r.type.endsWith('/comments') && !r.external);
    const commentsEntry = this.entry(comments?.target);
    const noted = commentsEntry ? await this.read(commentsEntry, notedCells) : new Set<string>();
    const fresh = [...notes.values()].filter((n) => !noted.has(n.ref));
    if (commentsEntry) this.rewrite(commentsEntry.name, () => commentsMerger(notes, fresh));
    else {
      const commentsPart = this.freePart((n) => `${bookDir}/comments${n}.xml`);
      relate(COMMENTS_REL, commentsPart);
      this.add(commentsPart, COMMENTS_TYPE, (out) => writeComments(notes.values(), out));
    }
    const drawing = this.entry((await this.notesDrawing(part, rels, comments !== undefined))?.target);
    let legacyDrawing: string | undefined;
    if (drawing) {
      if (fresh.length) this.rewrite(drawing.name, () => vmlMerger(fresh));
    } else if (fresh.length) {
      const vmlPart = this.freePart((n) => `${bookDir}/drawings/vmlDrawing${n}.vml`);
      legacyDrawing = relate(VML_REL, vmlPart);
      this.types.defaults.push({ extension: 'vml', type: VML_TYPE });
      const block = this.block;
      this.block += vmlBlocks(fresh.length);
      this.add(vmlPart, undefined, (out) => writeVml(fresh, block, out));
    }
    this.relate(part, added);
    return legacyDrawing;
  }

  /**
   * The VML drawing the sheet's notes are drawn in, if it has one: the drawing of its
   * `<legacyDrawing>`. With notes and one drawing, that one; with no drawing, none; else (a
   * drawing that may be the header's and footer's, or several) the sheet itself says which.
   */
  private async notesDrawing(part: string, rels: Rel[], hasComments: boolean): Promise<Rel | undefined> {
    const drawings = rels.filter((r) => r.type.endsWith('/vmlDrawing') && !r.external);
    if (drawings.length === 0) return undefined;
    if (hasComments && drawings.length === 1) return drawings[0];
    const id = await this.read(this.entry(part)!, legacyDrawingId);
    return drawings.find((r) => r.id === id);
  }
}

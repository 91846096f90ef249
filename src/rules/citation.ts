/**
 * Citations that name their document. A rule cites its source by a short code and a section
 * ("004 §III.3.a"), as the packs' authors read the seeds; an officer does not know what 004 is.
 * The packs declare their documents (`documents:`, id → title), and every place a citation is
 * shown to a person says the title beside the code: "004 §III.3.a — Kế hoạch … Kon Rẫy …".
 * The citation as written stays the data (the JSON and SARIF `source` fields).
 */
import { localize } from '../engine/messages.js';
import type { Lang } from '../engine/types.js';
import type { SourceDocument } from './schema.js';

export type Documents = ReadonlyMap<string, SourceDocument>;

/** The parts of a citation: "002 §III.2.1.c; 004 §III.3.a" cites two documents. */
function parts(source: string): string[] {
  return source.split(';').map((p) => p.trim()).filter(Boolean);
}

/** The code a part of a citation opens with: its first word. */
const codeOf = (part: string): string => part.split(/\s/, 1)[0];

/**
 * The document codes a citation names that must be declared: a part opening with a bare number
 * ("004 §III.3.a") names a document by its code; free text ("Luật Thi đua, khen thưởng …",
 * "TCVN 6909:2001") names its document in full already.
 */
export function citedCodes(source: string): string[] {
  return parts(source).map(codeOf).filter((code) => /^\d+$/.test(code));
}

/** The citation with each document's title after its part: "004 §III.3.a — Kế hoạch …". */
export function cite(source: string, documents: Documents, lang: Lang): string {
  return parts(source)
    .map((part) => {
      const doc = documents.get(codeOf(part));
      return doc ? `${part} — ${localize(doc.title, lang)}` : part;
    })
    .join('; ');
}

/** The declared documents the citations name, once each, in the order of their codes. */
export function citedDocuments(sources: Iterable<string>, documents: Documents): SourceDocument[] {
  const codes = new Set<string>();
  for (const source of new Set(sources)) for (const part of parts(source)) if (documents.has(codeOf(part))) codes.add(codeOf(part));
  return [...codes].sort().map((code) => documents.get(code)!);
}

/** Each cited document on a line of its own, "  004  Kế hoạch …": the legend under a list of findings or rules. */
export function documentLines(docs: SourceDocument[], lang: Lang): string[] {
  const width = Math.max(0, ...docs.map((d) => d.id.length));
  return docs.map((d) => `  ${d.id.padEnd(width)}  ${localize(d.title, lang)}`);
}

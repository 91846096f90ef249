/**
 * Bounds on the shape of a rule pack or config file, checked on its YAML document before it is
 * turned into data. Past them the loader would not give a reason but run out of stack or time: a
 * condition that contains itself through an alias (`when: &w { not: *w }`) makes a cyclic object
 * that every walk follows for ever; a list of 850,000 aliases overflows the stack when spread; a
 * condition nested thousands deep overflows the recursion that checks it. Each is refused with
 * the key where it happens. The bundled packs stay far inside: 36 KB, 7 levels, lists of hundreds.
 */
import type { Document, Node } from 'yaml';
import type { Said } from '../errors.js';

/** Largest pack or config file: the yaml parser takes seconds per megabyte. */
const MAX_YAML_BYTES = 1024 * 1024;
/** Deepest nesting of mappings and lists. */
const MAX_DEPTH = 64;
/** Most items in one list, or keys in one mapping. */
const MAX_ITEMS = 20_000;

interface OverBounds {
  /** Keys and indexes to the offending node. */
  path: (string | number)[];
  reason: Said;
}

/** The size refusal, before a byte is parsed; undefined for a file within the bound. */
export function tooLarge(text: string): Said | undefined {
  const bytes = Buffer.byteLength(text);
  if (bytes <= MAX_YAML_BYTES) return undefined;
  const [size, most] = [(bytes / 1024 / 1024).toFixed(1), MAX_YAML_BYTES / 1024 / 1024];
  return { vi: `tệp nặng ${size} MiB, quá ${most} MiB mà một bộ quy tắc hay tệp cấu hình được phép`, en: `the file is ${size} MiB, over the ${most} MiB a rule pack or config may hold` };
}

/** The first place where the document goes past a bound, in document order; undefined if none. */
export function overBounds(yaml: typeof import('yaml'), doc: Document): OverBounds | undefined {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml;
  const open = new Set<unknown>();
  const walk = (node: unknown, path: (string | number)[]): OverBounds | undefined => {
    if (isAlias(node)) {
      // An anchor is defined before its aliases, so an alias can only make a cycle through an
      // anchored node that is still open: one it stands inside.
      const target = node.resolve(doc);
      if (target && open.has(target)) return { path, reason: { vi: `bí danh *${node.source} nằm bên trong chính nút mà nó gọi tên, nên sẽ chứa chính mình`, en: `the alias *${node.source} stands inside the node it names, so it would contain itself` } };
      return undefined;
    }
    if (!isMap(node) && !isSeq(node)) return undefined;
    if (open.size >= MAX_DEPTH) return { path, reason: { vi: `lồng nhau quá ${MAX_DEPTH} cấp`, en: `nested more than ${MAX_DEPTH} levels deep` } };
    const items = (node as { items: unknown[] }).items;
    if (items.length > MAX_ITEMS) return { path, reason: tooMany(items.length, isMap(node)) };
    open.add(node);
    try {
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const found = isPair(item)
          ? walk(item.key, path) ?? walk(item.value, [...path, isScalar(item.key) ? String(item.key.value) : i])
          : walk(item, [...path, i]);
        if (found) return found;
      }
    } finally {
      open.delete(node);
    }
    return undefined;
  };
  return walk(doc.contents as Node | null, []);
}

function tooMany(n: number, map: boolean): Said {
  return map
    ? { vi: `${n} khóa, quá ${MAX_ITEMS} khóa mà một bảng được phép`, en: `${n} keys, over the ${MAX_ITEMS} one mapping may hold` }
    : { vi: `${n} mục, quá ${MAX_ITEMS} mục mà một danh sách được phép`, en: `${n} items, over the ${MAX_ITEMS} one list may hold` };
}

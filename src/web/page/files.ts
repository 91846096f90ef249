/**
 * The files the officer gives: chosen one by one (named: each is checked, whatever it is), or
 * found in a folder chosen or dropped (walked: a file that is not a list is noted, as the command
 * line's folder walk notes it), each named by its path inside the folder ("vi-du/xa-a.xlsx").
 */
import type { GivenFile } from '../protocol.js';

/** The order a folder walk meets files in: each folder's names sorted, depth first (as read/inputs.ts walks). */
export function inWalkOrder(files: GivenFile[]): GivenFile[] {
  const parts = new Map(files.map((f) => [f, f.name.split('/')]));
  return [...files].sort((a, b) => {
    const x = parts.get(a)!;
    const y = parts.get(b)!;
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return x.length - y.length;
  });
}

/** Files of an <input type=file>: with `webkitdirectory`, a folder's files with their relative paths. */
export function fromInput(list: FileList): GivenFile[] {
  const files = [...list];
  const walked = files.some((f) => f.webkitRelativePath);
  return walked ? inWalkOrder(files.map((f) => ({ name: f.webkitRelativePath || f.name, data: f, walked: true }))) : files.map((f) => ({ name: f.name, data: f }));
}

/**
 * Files dropped: a folder is walked (webkitGetAsEntry), a file is named. A file the browser gives
 * no entry for (a drop made by a script, a browser without entries) is taken as it is.
 */
export async function fromDrop(items: DataTransferItemList): Promise<GivenFile[]> {
  // Entries and files are taken before the first await: the list is emptied once the drop's handler returns.
  const dropped = [...items].filter((i) => i.kind === 'file').map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  const named: GivenFile[] = [];
  const walked: GivenFile[] = [];
  for (const { entry, file } of dropped) {
    if (entry?.isDirectory) await walk(entry as FileSystemDirectoryEntry, walked);
    else if (entry?.isFile) named.push({ name: entry.name, data: await fileOf(entry as FileSystemFileEntry) });
    else if (file) named.push({ name: file.name, data: file });
  }
  return [...named, ...inWalkOrder(walked)];
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

async function walk(dir: FileSystemDirectoryEntry, out: GivenFile[]): Promise<void> {
  const reader = dir.createReader();
  // readEntries gives a folder's entries a batch at a time, until an empty batch.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const entry of batch) {
      if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, out);
      else out.push({ name: entry.fullPath.replace(/^\//, ''), data: await fileOf(entry as FileSystemFileEntry), walked: true });
    }
  }
}

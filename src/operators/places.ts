import type { Place } from '../engine/types.js';

/** "ho-so/xa.xlsx › Danh sách!C12", for messages that point at another place. */
export function describePlace(p: Place): string {
  const cell = p.row !== undefined ? `${p.column ?? ''}${p.row}` : '';
  const sheet = p.sheet ? ` › ${p.sheet}${cell ? '!' + cell : ''}` : '';
  return `${p.file}${sheet}`;
}

export function describePlaces(ps: Place[], max = 5): string {
  const shown = ps.slice(0, max).map(describePlace).join('; ');
  return ps.length > max ? `${shown}; … (+${ps.length - max})` : shown;
}

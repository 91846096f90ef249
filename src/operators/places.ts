import type { Place } from '../engine/types.js';

/** "ho-so/xa.xlsx › Danh sách!C12", for messages that point at another place. */
export function describePlace(p: Place): string {
  const cell = p.row !== undefined ? `${p.column ?? ''}${p.row}` : '';
  const sheet = p.sheet ? ` › ${p.sheet}${cell ? '!' + cell : ''}` : '';
  return `${p.file}${sheet}`;
}

/** Up to `max` places, and how many more there are (of `total`, when only some were passed). */
export function describePlaces(ps: Place[], max = 5, total = ps.length): string {
  const shown = ps.slice(0, max).map(describePlace).join('; ');
  return total > max ? `${shown}; … (+${total - max})` : shown;
}

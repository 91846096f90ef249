/**
 * How a finding's cell looks in the workbooks hoso writes (an annotated copy, the copy of a CSV):
 * filled with its severity's colour and framed by a thin border of a darker one. The copy of an
 * input appends these to the input's own styles; a new workbook has them among its fixed styles.
 */
import type { Severity } from '../engine/types.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The worst first: where two findings share a cell, the cell takes the worse one's colour. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const EDGE: Record<Severity, string> = { error: 'FFC00000', warning: 'FFBF8F00', info: 'FF2F75B5' };

/** The severity's `<fill>`, for a styles part's `<fills>`. */
export const severityFill = (s: Severity, prefix = ''): string =>
  `<${prefix}fill><${prefix}patternFill patternType="solid"><${prefix}fgColor rgb="${FILL[s]}"/><${prefix}bgColor indexed="64"/></${prefix}patternFill></${prefix}fill>`;

/** The severity's `<border>`, for a styles part's `<borders>`. */
export function severityBorder(s: Severity, prefix = ''): string {
  const side = (name: string) => `<${prefix}${name} style="thin"><${prefix}color rgb="${EDGE[s]}"/></${prefix}${name}>`;
  return `<${prefix}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${prefix}diagonal/></${prefix}border>`;
}

/** A bold font and a link's font (blue, underlined), for a findings sheet's header and links. */
export const BOLD_FONT = (prefix = ''): string => `<${prefix}font><${prefix}b/><${prefix}sz val="11"/><${prefix}name val="Calibri"/><${prefix}family val="2"/></${prefix}font>`;
export const LINK_FONT = (prefix = ''): string =>
  `<${prefix}font><${prefix}u/><${prefix}sz val="11"/><${prefix}color rgb="FF0563C1"/><${prefix}name val="Calibri"/><${prefix}family val="2"/></${prefix}font>`;

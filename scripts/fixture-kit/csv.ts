/**
 * A field of a CSV file as a spreadsheet writes it: quoted when it holds a quote, a line break or
 * the delimiter, or begins or ends with white space (which a reader could trim); quotes inside
 * doubled. In a module of its own so that the bench can write CSV without loading exceljs.
 */
export function csvQuote(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) || /^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

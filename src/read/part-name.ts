/** Part names as OPC compares them; no Node module, so that a browser page's reader shares it. */

/**
 * The key a part is looked up by. OPC compares part names as ASCII without case; a leading slash
 * and backslashes (written by some Windows tools) are tolerated. Only ASCII letters are folded:
 * toLowerCase() would make "K" (the Kelvin sign) a "k", a part name Excel keeps apart.
 */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

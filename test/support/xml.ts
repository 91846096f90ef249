/**
 * The tests' own statement of what XML 1.0 forbids (C0 controls but tab and line breaks,
 * U+FFFE, U+FFFF, a lone surrogate), kept apart from the code it checks.
 */
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

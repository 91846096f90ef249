/** The report formats of `-f`, known without loading them (see format/index.ts, which a test holds to this list). */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'junit', 'github', 'csv'];

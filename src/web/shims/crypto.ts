/** node:crypto in the browser build: only the cache and SARIF hash, and neither runs in the page. */
import { unavailableAll } from './unavailable.js';

const crypto = unavailableAll('node:crypto', ['createHash', 'randomUUID'] as const);
export const { createHash, randomUUID } = crypto;
export default crypto;

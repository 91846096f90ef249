/** node:url in the browser build: file URLs name files on disk, which the page has none of. */
import { unavailableAll } from './unavailable.js';

const url = unavailableAll('node:url', ['fileURLToPath', 'pathToFileURL'] as const);
export const { fileURLToPath, pathToFileURL } = url;
export const URL = globalThis.URL;
export default { ...url, URL };

/** node:os in the browser build: there is no home, temporary folder or core count to ask for. */
import { unavailableAll } from './unavailable.js';

const os = unavailableAll('node:os', ['availableParallelism', 'cpus', 'homedir', 'tmpdir', 'platform', 'userInfo'] as const);
export const { availableParallelism, cpus, homedir, tmpdir, platform, userInfo } = os;
export const EOL = '\n';
export default { ...os, EOL };

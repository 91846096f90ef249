#!/usr/bin/env node
// The `hoso` executable: the compiled CLI (built by `npm ci` through the package's prepare script).
import { main } from '../dist/src/cli/main.js';

await main(process.argv);

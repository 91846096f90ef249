/** Types for the polyfill packages the browser build bundles in place of Node's built-ins: the same API as Node's. */
declare module 'readable-stream' {
  import stream = require('node:stream');
  export = stream;
}

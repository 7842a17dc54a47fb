// The library entry (dist/index.js, CommonJS): require('unroll').analyze(text, options?)
export { analyze } from './analysis';
export type * from './report';

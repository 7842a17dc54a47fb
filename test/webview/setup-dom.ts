// Imported first by the panel tests. The page carries no KaTeX: the extension host typesets its formulas
// (src/extension/panel/typeset.ts) and sends them; here the same typesetter is the panel's synchronous
// source, so a render shows its formulas at once (the asynchronous path has its own tests, mathHost.test.ts).
import './standardsMode';
import { typesetFormula } from '../../src/extension/panel/typeset';
import { setMathSource } from '../../src/webview/math';

setMathSource({ typeset: typesetFormula });
export {};

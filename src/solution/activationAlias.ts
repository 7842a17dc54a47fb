// CS230's `a^{<t>} = g_1(W_aa a^{<t-1>} + …), \qquad g_1 = \tanh`: a row that names the activation. The parser reads
// `g_1 = \tanh` on a line of its own as an alias of the function (parser.ts applyAliases), so such a row joins the
// network as that line, and is no claim (it was checked as one: "expected the argument of \tanh").
import { lex } from '../language/lexer';

/** the functions an alias may name: the activations and the softmax (an output's g_2) */
const ALIASED = new Set(['sigma', 'tanh', 'relu', 'softmax']);

/** the name a claim `NAME = fn` (one name, one function, nothing else) names, or null */
export function activationAlias(chars: string): string | null {
  if (!chars.includes('=')) return null;
  const { tokens, errors } = lex(chars);
  if (errors.length) return null;
  const t = tokens.filter((k) => k.kind !== 'newline' && k.kind !== 'eof');
  if (t.length !== 3) return null;
  const [name, eq, fn] = t as [(typeof t)[0], (typeof t)[0], (typeof t)[0]];
  return name.kind === 'name' && eq.kind === 'op' && eq.text === '=' && fn.kind === 'fn' && ALIASED.has(fn.text) ? name.text : null;
}

// What name reading asks of a spelling (h_t, W_hh, x̄_t) that depends on the spelling and the names the file
// defines only: found once per spelling and scope, not at every use (readName asked four lookups and cut three
// strings out of every h_t, several hundred times in a file of checks).

import { hasUnit, lastUnderscore } from '../segments';
import { hasAdjointMark } from './marks';
import type { Scope } from './scope';
import type { NameAst } from '../ast';
import { writtenName } from './text';

export interface Spelling {
  /** the file defines the name as written */
  known: boolean;
  /** the first '_' of a name the file does not define, else -1 */
  cut: number;
  /** the name before cut (all of it when cut < 0) */
  head: string;
  /** cut ≥ 0 and the file defines head */
  headKnown: boolean;
  /** the last segment split off (lastSegment) */
  last: [string, string] | null;
  /** last is not null and the file defines its base */
  lastKnown: boolean;
  /** scope.isTimed(raw) */
  timed: boolean;
  /** last is not null and scope.isTimed of its base */
  lastTimed: boolean;
  /** holds the adjoint's mark (x̄_t) */
  marked: boolean;
  /** holds the vector arrow U+20D7 (h⃗_t) */
  arrow: boolean;
  /** writtenOf's texts, by form (1: with a subscript, 2: with a superscript), made when first asked */
  texts: (string | undefined)[];
}

/**
 * The name's last segment split off (h_t → h, t; W_hh_2 → W_hh, 2): what /^(.+)_([^_]+)$/ matches, found
 * without a regular expression (every name of every equation and question is read here, issue 11).
 */
function lastSegment(raw: string): [string, string] | null {
  const i = lastUnderscore(raw);
  return i >= 1 && i < raw.length - 1 ? [raw.slice(0, i), raw.slice(i + 1)] : null;
}

/**
 * raw's Spelling in this scope, kept until the scope knows another name (Scope.know clears the Map: what is known
 * and timed changes only with it, declare and addQuantity setting a name's declaration or quantity before)
 */
export function spellingOf(scope: Scope, raw: string): Spelling {
  // the spelling asked last, asked again at once for most names (readName, then the symbol's text in mkRef)
  if (raw === scope.lastSpelled && scope.lastSpelling !== null) return scope.lastSpelling;
  let s = scope.spellings.get(raw);
  if (s === undefined) {
    const known = scope.isKnown(raw);
    const cut = known ? -1 : raw.indexOf('_');
    const head = cut < 0 ? raw : raw.slice(0, cut);
    const headKnown = cut >= 0 && scope.isKnown(head);
    const last = lastSegment(raw);
    // the last '_' most often the first: the head already asked
    const lastKnown = last !== null && (last[0].length === cut ? headKnown : scope.isKnown(last[0]));
    const timed = scope.isTimed(raw);
    const lastTimed = last !== null && scope.isTimed(last[0]);
    s = {
      known,
      cut,
      head,
      headKnown,
      last,
      lastKnown,
      timed,
      lastTimed,
      marked: hasAdjointMark(raw),
      arrow: hasUnit(raw, 0x20d7),
      texts: [],
    };
    scope.spellings.set(raw, s);
  }
  scope.lastSpelled = raw;
  scope.lastSpelling = s;
  return s;
}

/** writtenName(a), made once per spelling and form: the text of a symbol, recorded at every use of every name */
export function writtenOf(scope: Scope, a: NameAst): string {
  const texts = spellingOf(scope, a.raw).texts;
  const form = (a.sub ? 1 : 0) + (a.sup ? 2 : 0);
  return (texts[form] ??= writtenName(a));
}

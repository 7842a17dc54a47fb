// The hovers' "Learn more" link goes to the section of docs/language.md that explains what is hovered.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { hoverContent } from '../../../src/extension/hover/hoverContent';
import { REFERENCE_HEADINGS, referenceLink, referenceSection, withLearnMore } from '../../../src/extension/hover/learnMore';

const DOCS = readFileSync('docs/language.md', 'utf8');
const URI = 'file:///ext/docs/language.md';
const text = readFileSync('examples/sheet7-vanilla-rnn.rnn', 'utf8');
const lines = text.split('\n');
const report = analyze(text);
/** 1-based position of the first match of `re` on the first line matching `line` */
function at(line: RegExp, re: RegExp) {
  const i = lines.findIndex((l) => line.test(l));
  return { line: i + 1, column: lines[i]!.search(re) + 1 };
}

describe('Learn more', () => {
  it('every heading a hover points to is in docs/language.md, once', () => {
    for (const h of Object.values(REFERENCE_HEADINGS)) expect(DOCS.split('\n').filter((l) => l.trimEnd() === h)).toHaveLength(1);
  });

  it('derive and check lines, functions, declarations and equations get their section', () => {
    expect(referenceSection(report, at(/^derive /, /derive/))).toBe('derive');
    expect(referenceSection(report, at(/^check /, /check/))).toBe('check');
    expect(referenceSection(report, at(/^h_t = /, /\\sigma/))).toBe('expressions');
    expect(referenceSection(report, at(/^param\s+W_hh/, /W_hh/))).toBe('declarations');
    expect(referenceSection(report, at(/^h_t = /, /h_t/))).toBe('time');
  });

  it('links to the heading’s line, or to the file while its text is unknown', () => {
    const line = DOCS.split('\n').indexOf('### derive') + 1;
    expect(referenceLink(URI, DOCS, 'derive')).toBe(`[Learn more: derive](${URI}#L${line})`);
    expect(referenceLink(URI, undefined, 'check')).toBe(`[Learn more: check](${URI})`);
  });

  it('is appended to the hover, and only where a section applies', () => {
    const p = at(/^derive /, /derive/);
    const h = hoverContent(report, p, { digits: 4, detail: 'full', uri: 'file:///s.rnn' })!;
    const withLink = withLearnMore(h, report, p, URI, DOCS);
    expect(withLink.markdown.startsWith(h.markdown)).toBe(true);
    expect(withLink.markdown).toMatch(/\[Learn more: derive\]\(file:\/\/\/ext\/docs\/language\.md#L\d+\)$/);
    expect(withLink.range).toEqual(h.range);
    // a parameter used in an equation: its hover is about values, no section in particular
    const use = at(/^h_t = /, /W_hh/);
    expect(referenceSection(report, use)).toBeNull();
    expect(withLearnMore(h, report, use, URI, DOCS)).toEqual(h);
  });
});

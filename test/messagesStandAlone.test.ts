// What the tools say to a user names nothing a user of the repository does not have: two messages pointed to
// "LANGUAGE.md §4", the project's specification, which is not in the repository (docs/language.md is its user form).
// Every string and template literal of src is read with TypeScript's own parser (comments may name the contract).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', 'src');

function files(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) files(p, out);
    else if (f.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** the text of every string literal and template part of a source text, its imports' module names aside */
function literals(text: string): string[] {
  const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isImportTypeNode(n)) return;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n)) out.push(n.head.text, ...n.templateSpans.map((s) => s.literal.text));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('messages stand on their own', () => {
  it('no literal of src names LANGUAGE.md or ../shared', () => {
    const named = /LANGUAGE\.md|\.\.\/shared/;
    // only a file whose text names either is parsed (most name neither, and parsing all of src takes seconds)
    const found = files(SRC)
      .map((p) => [p, readFileSync(p, 'utf8')] as const)
      .filter(([, text]) => named.test(text))
      .flatMap(([p, text]) =>
        literals(text)
          .filter((s) => named.test(s))
          .map((s) => `${p}: ${s.slice(0, 80)}`),
      );
    expect(found).toEqual([]);
  }, 60_000);

  it('the scan sees a message that does, and not an import or a comment (it can fail)', () => {
    const text = "import { a } from '../shared/format';\n// LANGUAGE.md §4\nconst m = `see LANGUAGE.md §4 ${a}`;\n";
    expect(literals(text).filter((s) => /LANGUAGE\.md|\.\.\/shared/.test(s))).toEqual(['see LANGUAGE.md §4 ']);
  });
});

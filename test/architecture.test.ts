// docs/architecture.md matches the tree: every folder of src/ is named (as `src/a/b/`, or as `b/` in the
// section headed by its parent `src/a/`), every file of src/ itself is named, and every `src/…` path the
// page names exists — so a folder added, moved or removed without the page fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(__dirname, '..');
const page = readFileSync(join(repo, 'docs/architecture.md'), 'utf8');

/** every folder below src/, as a path relative to src/ ('engine/check') */
function folders(dir = '', out: string[] = []): string[] {
  for (const e of readdirSync(join(repo, 'src', dir), { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const rel = dir ? `${dir}/${e.name}` : e.name;
    out.push(rel);
    folders(rel, out);
  }
  return out;
}

/** the page's `###` sections by their heading */
const sections = page.split(/^### /m).slice(1);
const backticked = (text: string) => new Set([...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!));
const named = backticked(page);

function namesFolder(rel: string): boolean {
  if (named.has(`src/${rel}/`)) return true;
  const cut = rel.lastIndexOf('/');
  if (cut < 0) return false;
  const parent = `src/${rel.slice(0, cut)}/`;
  const own = sections.filter((s) => s.split('\n')[0]!.includes(`\`${parent}\``));
  return own.some((s) => backticked(s).has(`${rel.slice(cut + 1)}/`));
}

describe('docs/architecture.md and the tree', () => {
  const all = folders();

  it('the tree has the folders the page is about', () => {
    expect(all).toEqual(expect.arrayContaining(['language', 'language/resolve', 'engine/check', 'extension/hover', 'webview']));
  });

  it('names every folder of src/', () => {
    expect(all.filter((f) => !namesFolder(f))).toEqual([]);
  });

  it('names every file of src/ itself', () => {
    const files = readdirSync(join(repo, 'src')).filter((f) => f.endsWith('.ts'));
    expect(files.filter((f) => !named.has(`src/${f}`) && !named.has(f))).toEqual([]);
  });

  it('names no src/ path that is not there', () => {
    const paths = [...named].filter((n) => /^src\/[\w./-]*$/.test(n));
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !existsSync(join(repo, p)))).toEqual([]);
  });
});

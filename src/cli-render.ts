// The CLI's two printed forms of a Report: readable text (the main job) and a LaTeX fragment.
import { formatNumber } from './display/number';
import type { Report } from './report';

const tty = typeof process !== 'undefined' && process.stdout?.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
const red = paint(31), green = paint(32), yellow = paint(33), dim = paint(2), bold = paint(1);

export function renderText(file: string, r: Report, many = false): string {
  const out: string[] = [];
  const head = [`T = ${r.T ?? '?'}`];
  if (r.loss) head.push(`loss ${r.loss.name} = ${fmt(r.loss.value)}`);
  if (r.params.length) head.push(`${r.paramCount} parameters`);
  out.push(`${bold(file)}  ${dim('(' + head.join(', ') + ')')}`);
  for (const d of r.diagnostics) {
    const sev = d.severity === 'error' ? red('error') : d.severity === 'warning' ? yellow('warning') : dim(d.severity);
    out.push(`  ${d.line}:${d.column} ${sev}: ${d.message}`);
  }
  const items: { line: number; lines: string[] }[] = [];
  for (const d of r.derives) {
    const lines = [`derive ${d.query}`];
    for (const res of d.results) {
      lines.push(res.text);
      if (res.exact) lines.push(dim('exact: ' + res.exact));
      if (res.forms && d.results.length === 1) {
        for (const [k, f] of Object.entries(res.forms)) if (f && f.text !== res.text) lines.push(`${dim(k + ' form:')}\n${f.text}`);
      }
    }
    items.push({ line: d.line, lines });
  }
  for (const c of r.checks) {
    const mark = c.status === 'holds' ? green('✓') : c.status === 'fails' ? red('✗') : yellow('⚠');
    items.push({ line: c.line, lines: [`check ${c.equation}`, `${mark} ${c.message}`] });
  }
  items.sort((a, b) => a.line - b.line);
  for (const it of items) {
    out.push(`  ${dim(`line ${it.line}`.padEnd(9))}${it.lines[0]}`);
    // multi-line forms keep their own layout, indented under their question
    for (const l of it.lines.slice(1)) for (const part of l.split('\n')) out.push(`  ${' '.repeat(9)}${part.startsWith('  ') ? part : '  ' + part}`);
  }
  const tally = { holds: 0, fails: 0, 'holds-at-given-values': 0, 'holds-as-one-step': 0 };
  for (const c of r.checks) tally[c.status]++;
  if (r.checks.length) {
    out.push(`  ${r.checks.length} check${r.checks.length === 1 ? '' : 's'}: ${tally.holds} hold, ${tally.fails} fail, ${tally['holds-at-given-values']} hold only for these values${tally['holds-as-one-step'] ? `, ${tally['holds-as-one-step']} hold as one-step derivatives` : ''}`);
  }
  if (r.sampled.length) out.push(dim(`  (sample values for ${r.sampled.join(', ')})`));
  return out.join('\n') + '\n' + (many ? '\n' : '');
}

export function renderLatex(file: string, r: Report): string {
  const out = [`% Unroll: derivations of ${file}`];
  for (const d of r.derives) {
    out.push(`% line ${d.line}: derive ${d.query}`);
    for (const res of d.results) {
      const forms = res.forms ? Object.entries(res.forms).filter(([, f]) => f) : [];
      if (!forms.length) out.push(`\\[\n${res.latex}\n\\]`);
      for (const [k, f] of forms) out.push(`% ${k} form${res.t !== null ? `, t = ${res.t}` : ''}\n\\[\n${f!.latex}\n\\]`);
    }
  }
  return out.join('\n') + '\n';
}

const fmt = (x: number): string => formatNumber(x, 6);

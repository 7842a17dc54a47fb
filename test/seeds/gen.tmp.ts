import { readFileSync, writeFileSync } from 'node:fs';
import { readSolution } from '../../src/solution';
const files: [string, string][] = [
  ['000', 'examples/solutions/000-gru-long-term-dependencies.md'],
  ['001', 'examples/solutions/001-rnn-three-steps.md'],
  ['002', 'examples/solutions/002-vanilla-rnn-jacobians.md'],
  ['003', 'examples/solutions/003-mlp-layers-as-steps.md'],
  ['004', 'examples/solutions/004-binary-addition-and-lstm.md'],
];
for (const [n, f] of files) {
  const text = readFileSync('/work/wt/seeds/' + f, 'utf8');
  const r = readSolution(text, 'markdown')!;
  const out: string[] = [];
  r.networks.forEach((net, i) => {
    out.push(`# network ${i + 1}`);
    for (const fe of net.fences) for (const l of fe.lines) out.push(text.slice(l.start, l.end));
    r.claims.forEach((c, k) => {
      if (c.network !== i) return;
      const tag = r.equations[c.displays[0]!]!.tag;
      const line = r.file.range(r.displays[c.displays[0]!]!.start, 0).line;
      out.push(`# md line ${line}${tag ? ' (' + tag + ')' : ''}${c.skip ? ' SKIP ' + c.skip : ''}`);
      out.push(`check ${c.text.chars.trim()}${tag ? ` \\tag{${tag}}` : ''}`);
    });
  });
  writeFileSync(`/work/wt/seeds/test/seeds/fixtures/seed${n}.rnn`, out.join('\n') + '\n');
}

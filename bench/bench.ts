// `npm run bench`: Unroll's timings, in one process, as medians of repeated runs, printed as tables.
// Each section runs on its own: a section whose code is missing or failing says so instead of a number.

import { cpus, loadavg } from 'node:os';
import { benchEditor, benchEditorHost, benchEditorLong, bundleSizes } from './editorBench';
import { benchCheckFolder } from './checkBench';
import { benchExamples, benchExamplesPreV2 } from './examplesBench';
import { benchPanelColdOpen, benchPanelMessages, benchPanelRender } from './panelBench';
import { benchCompile, benchReader } from './readerBench';
import { benchSolutions } from './solutionBench';
import { benchRnnVsTf, benchScaling } from './rnnBench';
import { benchSymbolic } from './symbolicBench';
import { benchV1SideBySide } from './v1Bench';
import { notAvailable } from './timing';

const sections: [string, () => void | Promise<void>][] = [
  ['analyze() of the examples', benchExamples],
  ['analyze() of the examples before v2 (like for like)', benchExamplesPreV2],
  ['v1 side by side', benchV1SideBySide],
  ['reader (lexer + parser) on numbers', benchReader],
  ['compile() of the examples', benchCompile],
  ['solutions (Markdown/LaTeX) in the editor', benchSolutions],
  ['64-unit RNN vs TensorFlow.js', benchRnnVsTf],
  ['scaling in T', benchScaling],
  ['symbolic derive', benchSymbolic],
  ['unroll check of a folder', benchCheckFolder],
  ['editor content', benchEditor],
  ['editor host: edit → diagnostics', benchEditorHost],
  ['editor host: 5,000-step file', benchEditorLong],
  ['panel messages', benchPanelMessages],
  ['panel rendering', benchPanelRender],
  ['panel cold open', benchPanelColdOpen],
  ['bundle sizes', bundleSizes],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(
    `Unroll benchmark — node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${new Date().toISOString()}`,
  );
  // medians resist outliers, not a machine that is busy throughout: print the load so readers can judge
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (1 / 5 / 15 min)`,
  );
  console.log(
    "every time is a median over runs of min(wall, CPU time of this process): a busy machine inflates wall time,\nV8's parallel GC inflates CPU time, never both — the minimum is the work itself",
  );
  for (const [title, run] of sections) {
    if (only.length && !only.some((o) => title.includes(o))) continue;
    try {
      await run();
    } catch (e) {
      notAvailable(title, (e as Error).message.split('\n')[0]);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

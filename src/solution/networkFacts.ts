// What a solution's readings ask of one of its networks — its own text, its compiled model, the names it defines, its
// sequences — each worked out once per analysis and only when a reading asks (the PDF-paste, descent-step,
// letter-pair and pattern readings and the generated text each compiled the network's text again).

import { untimedTwinKey } from '../ids';
import { compile, derivativeDefinition } from '../language/index';
import type { Network } from './claim';

export interface NetworkNames {
  /** the names it declares or defines (as written: an untimed twin L# is L), and those its lines define by a derivative */
  names: Set<string>;
  /** names as its lines write them, a definition with an error among them (o_t = 2 h_t under a broken h_t) */
  written: Set<string>;
  /** the line of its objective's equation when no `loss` marks it (the last scalar with no time index), else 0 */
  unmarkedObjective: number;
  /** its parameters (`param`): δ before one is the loss's gradient by it, no name a solution defines */
  params: Set<string>;
}

type Compiled = ReturnType<typeof compile>;

/** one network of a solution, read lazily */
export class NetworkFacts {
  private ownText: string | null = null;
  private compiledText: Compiled | null = null;
  private namesRead: NetworkNames | null = null;
  private timedRead: ((name: string) => boolean) | null = null;

  /** `text`: the solution's whole text, which the network's fences point into */
  constructor(
    readonly text: string,
    readonly net: Network,
  ) {}

  /** the network's own text, as the generated text begins: its sidecar, then its blocks' lines */
  get networkText(): string {
    if (this.ownText === null) {
      const net = this.net;
      const sidecar = net.sidecar === null ? '' : net.sidecar.endsWith('\n') ? net.sidecar : net.sidecar + '\n';
      this.ownText = sidecar + net.fences.map((f) => f.lines.map((l) => this.text.slice(l.start, l.end) + '\n').join('')).join('');
    }
    return this.ownText;
  }

  get compiled(): Compiled {
    return (this.compiledText ??= compile(this.networkText));
  }

  /** what the network names, and its objective when unmarked */
  get names(): NetworkNames {
    if (!this.namesRead) {
      const { model, symbols } = this.compiled;
      const names = new Set([...model.decls.keys(), ...[...model.quantities.keys()].map((k) => k.replace(/#$/, ''))]);
      // every name its lines define or declare, those whose definition has an error too (no quantity of the model)
      const written = new Set(names);
      for (const s of symbols) if (s.role === 'definition' || s.role === 'declaration') written.add(s.name);
      // and the names its own lines define by a derivative (δ_t = ∂C/∂z_t), which are no quantities
      for (const line of this.networkText.split('\n')) {
        const d = line.includes('=') ? derivativeDefinition(line) : null;
        if (d) names.add(d);
      }
      const objective = model.loss ? model.quantities.get(model.loss) : undefined;
      const params = new Set([...model.decls.values()].filter((d) => d.kind === 'param').map((d) => d.name));
      this.namesRead = { names, written, unmarkedObjective: objective && !objective.isLoss ? objective.line : 0, params };
    }
    return this.namesRead;
  }

  /** whether a name is one of the network's sequences (an input, or a quantity with a step) */
  get timed(): (name: string) => boolean {
    if (!this.timedRead) {
      const { model } = this.compiled;
      // (not a name that is also one value: MIT's loss L beside its steps L_t, `∂L/∂s_t`)
      this.timedRead = (name) =>
        (model.quantities.get(name)?.timed === true && !model.quantities.has(untimedTwinKey(name))) ||
        model.decls.get(name)?.kind === 'input';
    }
    return this.timedRead;
  }
}

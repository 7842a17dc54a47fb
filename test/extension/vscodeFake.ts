// The small 'vscode' fake that Reports (src/extension/reports.ts) needs: the document events it listens to,
// an EventEmitter, the open documents, and a document you can edit. Shared by the unit tests
// (`vi.mock('vscode', () => import('./vscodeFake'))`) and by the editor benchmark, whose bundle aliases
// 'vscode' to this file (esbuild.config.mjs), so the bench drives the extension's real host-side code.

type Listener<T> = (e: T) => void;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => { this.listeners = this.listeners.filter((x) => x !== l); } };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

/** The events and documents behind `workspace`, for a test or bench to fire and fill. */
export const fake = {
  open: new EventEmitter<unknown>(),
  change: new EventEmitter<unknown>(),
  close: new EventEmitter<unknown>(),
  documents: [] as unknown[],
};

export const workspace = {
  onDidOpenTextDocument: fake.open.event,
  onDidChangeTextDocument: fake.change.event,
  onDidCloseTextDocument: fake.close.event,
  get textDocuments() { return fake.documents; },
};

/** A text document of language `languageId` whose edits fire the change event, as VS Code's do. */
export class FakeDocument {
  version = 1;
  isClosed = false;
  constructor(public text: string, public uri = { toString: () => 'file:///a.rnn' }, public languageId = 'rnn') {}
  getText(): string {
    return this.text;
  }
  edit(text: string): void {
    this.text = text;
    this.version++;
    fake.change.fire({ document: this, contentChanges: [{}] });
  }
}

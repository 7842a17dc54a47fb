// The one fake of the VS Code API the unit tests use instead of 'vscode' (which exists only inside an editor):
//   vi.mock('vscode', async () => (await import('./vscode')).vscodeModule);   // path relative to the test file
//   import { fake } from './vscode';
// What the extension's editor modules call is concrete and observable through `fake` (commands, events,
// documents and editors, configuration, clipboard, messages, webview panels, written files); any other
// API is a recording no-op (its calls are listed in `fake.calls`), so activating every feature works.
// Module state is per test file (vitest isolates files); `resetFake()` clears it between tests.

import { existsSync, readFileSync } from 'node:fs';

type Listener<T> = (e: T) => void;

export class EventEmitter<T> {
  listeners: Listener<T>[] = [];
  event = (l: Listener<T>): { dispose(): void } => {
    this.listeners.push(l);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((x) => x !== l);
      },
    };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static parse(s: string): Uri {
    const i = s.indexOf(':');
    return new Uri(s.slice(0, i), s.slice(i + 1).replace(/^\/\//, ''));
  }
  static joinPath(u: Uri, ...parts: string[]): Uri {
    const segs = u.path.split('/');
    for (const p of parts) {
      if (p === '..') segs.pop();
      else segs.push(p);
    }
    return new Uri(u.scheme, segs.join('/'));
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

export class Selection {
  constructor(
    readonly anchor: unknown,
    readonly active: unknown,
  ) {}
}

export class SnippetString {
  constructor(readonly value: string) {}
}

export class WorkspaceEdit {
  readonly replaced: { uri: unknown; range: Range; text: string }[] = [];
  replace(uri: unknown, range: Range, text: string): void {
    this.replaced.push({ uri, range, text });
  }
}

export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2 };
export const TextEditorRevealType = { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 };
export const TextDocumentChangeReason = { Undo: 1, Redo: 2 };
export const StatusBarAlignment = { Left: 1, Right: 2 };

/** A webview panel as createWebviewPanel returns it: what the host posts, and a way to send it messages. */
export interface FakePanel {
  viewType: string;
  title: string;
  visible: boolean;
  options: unknown;
  webview: {
    html: string;
    options: { localResourceRoots?: Uri[]; enableScripts?: boolean; enableCommandUris?: boolean };
    cspSource: string;
    /** every message posted to the webview (as JSON would carry it) */
    posted: { type: string }[];
    /** fire({ type: 'ready' }) etc.: a message from the webview */
    receive: EventEmitter<unknown>;
    asWebviewUri(u: Uri): Uri;
    postMessage(m: unknown): Promise<boolean>;
    onDidReceiveMessage: EventEmitter<unknown>['event'];
  };
  onDidDispose: EventEmitter<void>['event'];
  onDidChangeViewState: EventEmitter<unknown>['event'];
  reveal(): void;
  dispose(): void;
}

export function createWebviewPanel(viewType: string, title: string, _column: unknown, options: unknown): FakePanel {
  const receive = new EventEmitter<unknown>();
  const disposed = new EventEmitter<void>();
  const panel: FakePanel = {
    viewType,
    title,
    visible: true,
    options,
    webview: {
      html: '',
      options: {},
      cspSource: 'https://file+.vscode-resource.test',
      posted: [],
      receive,
      asWebviewUri: (u: Uri) => new Uri('https', `file+.vscode-resource.test${u.path}`),
      postMessage: async (m: unknown) => (panel.webview.posted.push(JSON.parse(JSON.stringify(m)) as { type: string }), true),
      onDidReceiveMessage: receive.event,
    },
    onDidDispose: disposed.event,
    onDidChangeViewState: new EventEmitter<unknown>().event,
    reveal() {},
    dispose: () => disposed.fire(),
  };
  fake.panels.push(panel);
  return panel;
}

function freshState() {
  return {
    /** every API function called, as `vscode.<namespace>.<name>` */
    calls: [] as string[],
    /** registered commands by ID */
    commands: new Map<string, (...args: unknown[]) => unknown>(),
    /** workspace.textDocuments */
    documents: [] as unknown[],
    activeTextEditor: undefined as unknown,
    visibleTextEditors: [] as unknown[],
    /** the `unroll.*` settings by key without the prefix (`defaultLoss`); unset keys give the default */
    config: {} as Record<string, unknown>,
    clipboard: [] as string[],
    /** window.showInformationMessage's messages */
    info: [] as string[],
    /** untitled documents opened with { language, content } */
    opened: [] as { language: string; content: string }[],
    /** the options of each window.showTextDocument */
    shown: [] as unknown[],
    panels: [] as FakePanel[],
    /** the tabs of window.tabGroups (one group); tab changes are fired through events.tabs */
    tabs: [] as { label: string; input: unknown }[],
    serializers: new Map<string, { deserializeWebviewPanel(panel: unknown, state: unknown): Promise<void> }>(),
    /** workspace.fs.writeFile's (uri, bytes) */
    written: [] as [unknown, Uint8Array][],
    /** where showSaveDialog says to save */
    saveTo: Uri.parse('file:///w/out.svg') as Uri | undefined,
    /** what workspace.applyEdit answers */
    applyEdit: false,
    /** workspace.notebookDocuments */
    notebooks: [] as unknown[],
    events: {
      openNotebook: new EventEmitter<unknown>(),
      changeNotebook: new EventEmitter<unknown>(),
      closeNotebook: new EventEmitter<unknown>(),
      open: new EventEmitter<unknown>(),
      change: new EventEmitter<unknown>(),
      close: new EventEmitter<unknown>(),
      configuration: new EventEmitter<unknown>(),
      activeEditor: new EventEmitter<unknown>(),
      selection: new EventEmitter<unknown>(),
      tabs: new EventEmitter<unknown>(),
    },
  };
}

/** The observable state of the fake editor. */
export const fake = freshState();

/** A text document of language `languageId` whose edits fire the change event, as VS Code's do. */
export class FakeDocument {
  version = 1;
  isClosed = false;
  constructor(
    public text: string,
    public uri = { toString: () => 'file:///a.rnn' },
    public languageId = 'rnn',
  ) {}
  getText(): string {
    return this.text;
  }
  edit(text: string): void {
    this.text = text;
    this.version++;
    fake.events.change.fire({ document: this, contentChanges: [{}] });
  }
}

/** Back to an empty editor (commands, documents, listeners, recorded output). */
export function resetFake(): void {
  Object.assign(fake, freshState());
}

/** A no-op that records its calls: any property is another recorder, a call returns one. */
function recorder(path: string): unknown {
  return new Proxy(function () {}, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.toPrimitive) return () => path;
      if (prop === 'dispose') return () => undefined;
      if (prop === 'event') return () => ({ dispose: () => undefined });
      return recorder(`${path}.${String(prop)}`);
    },
    apply() {
      fake.calls.push(path);
      return recorder(`${path}()`);
    },
    set: () => true, // item.text = …
    construct: () => recorder(`new ${path}`) as object,
  });
}

/** A namespace whose concrete members are recorded when called and whose other members are recorders. */
function namespace(name: string, members: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(members, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      const path = `vscode.${name}.${prop}`;
      const d = Object.getOwnPropertyDescriptor(target, prop);
      if (!d) return recorder(path);
      const v = d.get ? d.get.call(target) : d.value;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        fake.calls.push(path);
        return (v as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

export const commands = namespace('commands', {
  registerCommand: (id: string, f: (...a: unknown[]) => unknown) => (fake.commands.set(id, f), { dispose: () => fake.commands.delete(id) }),
  executeCommand: async (id: string, ...args: unknown[]) => fake.commands.get(id)?.(...args),
});

export const env = namespace('env', {
  clipboard: { writeText: async (t: string) => void fake.clipboard.push(t) },
});

export const window = namespace('window', {
  get activeTextEditor() {
    return fake.activeTextEditor;
  },
  get visibleTextEditors() {
    return fake.visibleTextEditors;
  },
  onDidChangeActiveTextEditor: (l: Listener<unknown>) => fake.events.activeEditor.event(l),
  onDidChangeTextEditorSelection: (l: Listener<unknown>) => fake.events.selection.event(l),
  get tabGroups() {
    return { all: [{ tabs: fake.tabs }], onDidChangeTabs: (l: Listener<unknown>) => fake.events.tabs.event(l) };
  },
  registerWebviewPanelSerializer: (t: string, s: never) => (fake.serializers.set(t, s), { dispose() {} }),
  createWebviewPanel,
  setStatusBarMessage: () => ({ dispose() {} }),
  showInformationMessage: async (m: string) => void fake.info.push(m),
  showQuickPick: async () => undefined,
  showSaveDialog: async () => fake.saveTo,
  showTextDocument: async (_doc: unknown, options: unknown) => (fake.shown.push(options), { revealRange() {} }),
});

export const workspace = namespace('workspace', {
  get textDocuments() {
    return fake.documents;
  },
  onDidOpenTextDocument: (l: Listener<unknown>) => fake.events.open.event(l),
  onDidChangeTextDocument: (l: Listener<unknown>) => fake.events.change.event(l),
  onDidCloseTextDocument: (l: Listener<unknown>) => fake.events.close.event(l),
  onDidChangeConfiguration: (l: Listener<unknown>) => fake.events.configuration.event(l),
  get notebookDocuments() {
    return fake.notebooks;
  },
  onDidOpenNotebookDocument: (l: Listener<unknown>) => fake.events.openNotebook.event(l),
  onDidChangeNotebookDocument: (l: Listener<unknown>) => fake.events.changeNotebook.event(l),
  onDidCloseNotebookDocument: (l: Listener<unknown>) => fake.events.closeNotebook.event(l),
  getConfiguration: () => ({ get: (k: string, d: unknown) => (k in fake.config ? fake.config[k] : d) }),
  applyEdit: async () => fake.applyEdit,
  // an untitled document from { language, content }; a Uri opens only a document the workspace has
  openTextDocument: async (arg: unknown) => {
    if (arg instanceof Uri) {
      const doc = fake.documents.find((d) => String((d as { uri: unknown }).uri) === arg.toString());
      if (!doc) throw new Error('not found');
      return doc;
    }
    fake.opened.push(arg as { language: string; content: string });
    return {};
  },
  fs: {
    writeFile: async (u: unknown, b: Uint8Array) => void fake.written.push([u, b]),
    // a file of the real disk (the extension's own files: docs/language.md) by the Uri's path; the panel's
    // files under the fake extension root (/ext/…), which its page carries inline, as a comment naming them
    readFile: async (u: Uri) => (existsSync(u.path) ? Uint8Array.from(readFileSync(u.path)) : new TextEncoder().encode(`/* ${u.path} */`)),
  },
});

export const languages = namespace('languages', {});
export const extensions = namespace('extensions', {});

const exported: Record<string, unknown> = {
  EventEmitter,
  Uri,
  Position,
  Range,
  Selection,
  SnippetString,
  WorkspaceEdit,
  ViewColumn,
  TextEditorRevealType,
  TextDocumentChangeReason,
  StatusBarAlignment,
  // VS Code's values
  NotebookCellKind: { Markup: 1, Code: 2 },
  commands,
  env,
  window,
  workspace,
  languages,
  extensions,
};

/**
 * What `vi.mock('vscode', …)` returns: the members above, and a recorder for any other export (the
 * classes and enums an editor module only constructs or passes through: Hover, CodeLens, SymbolKind, …).
 */
export const vscodeModule: Record<string, unknown> = new Proxy(exported, {
  get(target, prop) {
    if (typeof prop !== 'string' || prop === 'then' || prop === 'default' || prop === '__esModule') return undefined;
    return prop in target ? target[prop] : recorder(`vscode.${prop}`);
  },
  has: () => true,
});

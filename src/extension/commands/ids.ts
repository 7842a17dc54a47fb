// Every command Unroll registers, by ID, in one table: registration (commands.ts, panel/panel.ts), the links
// of hovers, CodeLens and the status bar, and package.json's contributions all spell an ID from here
// (test/extension/commands/ids.test.ts checks package.json against this table). Pure (no 'vscode').

export const COMMANDS = {
  /** open (or reveal) the panel, optionally at a node or a line: `OpenPanelArgs` of src/protocol.ts */
  openPanel: 'unroll.openPanel',
  /** copy a derivation as LaTeX: ready LaTeX (hover links) or a document line (CodeLens) */
  copyLatex: 'unroll.copyLatex',
  /** insert one of the network templates */
  insertTemplate: 'unroll.insertTemplate',
  /** the panel's measured latencies, for the editor tests and the bench (not in the palette) */
  panelTimings: 'unroll.panelTimings',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** The commands package.json contributes (shown in the palette); the others are internal. */
export const CONTRIBUTED_COMMANDS: readonly CommandId[] = [COMMANDS.openPanel, COMMANDS.copyLatex, COMMANDS.insertTemplate];

/** Commands a link in a hover may run (a trusted MarkdownString is limited to these). */
export const LINK_COMMANDS: readonly CommandId[] = [COMMANDS.openPanel, COMMANDS.copyLatex];

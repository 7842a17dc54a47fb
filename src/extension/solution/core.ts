// The one place the editor side imports the solution reader from (src/solution, no 'vscode').

import type { analyzeSolution } from '../../solution';

export { analyzeSolution, isSolution, readSolution } from '../../solution';
export type { EquationResult, SolutionKind, SolutionReport } from '../../solution';

/** The reader's signature, for code that is handed it (the preview plugin, its tests). */
export type AnalyzeSolution = typeof analyzeSolution;
export { analyzeCells, analyzeJoined, JoinedCells } from '../../solution';
export type { NotebookCell } from '../../solution';

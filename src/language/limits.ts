// Every size has a limit that answers with an error naming it, so nothing hangs.
export const LIMITS = {
  /** the horizon: LANGUAGE.md §2 */
  maxT: 10_000,
  /** bytes of source text */
  maxFileBytes: 2_000_000,
  maxTokens: 400_000,
  /** one dimension of a declared shape (W : 3x2, [3, 2], ℝ^{3×2}) or of a concatenation */
  maxDim: 4096,
  /** statements (lines that say something); comments and blank lines do not count */
  maxStatements: 2_000,
  /** brackets and nested expressions (the parser is recursive) */
  maxNesting: 200,
  /** operations along one path of an expression tree (a chain a + a + … is as deep as it is long) */
  maxTreeDepth: 1000,
  /** values one Σ/∏ with numbers for bounds runs over (steps are at most T + 2 = 10,002, a shape's entries 4,096) */
  maxSumTerms: 100_000,
  /** points one check is judged at: its steps times the values of its other free indices */
  maxCheckPoints: 100_000,
  /** links of one chain check A = B = C … (each is a check of its own) */
  maxChainLinks: 100,
  /** nodes of the unrolled graph: a quantity per step (T + 2 slots each), one for an untimed quantity */
  maxUnrolledNodes: 1_000_000,
  /** entries in one tensor */
  maxEntries: 1_000_000,
  /** estimated scalar operations of one forward pass over all steps */
  maxWork: 150_000_000,
  /** counted operations of one whole analysis (engine/budget.ts: a tape operation counts 4, a sweep
   *  step 1; questions with Σ of sweeps grow as T²): about one second of work, the same on any machine */
  maxOperations: 2_500_000,
  /** entries of a derivative's Jacobian (rows × columns) */
  maxJacobian: 100_000,
  /** no longer decides anything (limits are counted: engine/budget.ts has the wall-clock guard); kept for old readers */
  timeBudgetMs: 1000,
  /** graph nodes listed in the report (the panel cannot show more usefully) */
  maxGraphNodes: 3000,
  /** steps shown in the graph report before it is windowed */
  maxGraphSteps: 200,
  /** steps for which per-step immediate partials are reported */
  maxPartialSteps: 100,
} as const;

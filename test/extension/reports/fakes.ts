// What the two Reports tests (documentReports.test.ts, documentReports.worker.test.ts) share: a fake
// analyzeSession that records what it was asked, and a document whose edits fire the fake editor's event.
//   vi.mock('../../../src/analysis', async () => (await import('./fakes')).analysisModule);

/** Every text analysed, the options of each analysis, and each derive's forms asked for ("text:line"). */
export const analysis = { analyzed: [] as string[], options: [] as unknown[], formsAsked: [] as string[] };

export const analysisModule = {
  analyzeSession: (text: string, o: unknown) => {
    analysis.analyzed.push(text);
    analysis.options.push(o);
    if (text === 'boom') throw new Error('engine bug');
    const report = { text, diagnostics: [], derives: [{ line: 2, results: [] }] };
    // one derive's forms on demand: counted, so the test sees the cache per version
    const forms = (line: number) => {
      analysis.formsAsked.push(`${text}:${line}`);
      return line === 2 ? { line, results: [], forms: true } : undefined;
    };
    return { report, forms };
  },
};

/** a document whose edits fire the fake editor's change event (the shared fake's FakeDocument) */
export { FakeDocument as Doc } from '../fake/vscode';

// Reports: analysis on open, debounced after changes, stale runs cancelled, cached per version.
// 'vscode' is replaced by a small fake with just the events Reports listens to.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeDocument } from './vscodeFake';

vi.mock('vscode', () => import('./vscodeFake'));

const analyzed: string[] = [];
const options: unknown[] = [];
vi.mock('../../src/analysis', () => ({
  analyzeSession: (text: string, o: unknown) => {
    analyzed.push(text);
    options.push(o);
    if (text === 'boom') throw new Error('engine bug');
    const report = { text, diagnostics: [], derives: [{ line: 2, results: [] }] };
    // one derive's forms on demand: counted, so the test sees the cache per version
    return { report, forms: (line: number) => { formsAsked.push(`${text}:${line}`); return line === 2 ? { line, results: [], forms: true } : undefined; } };
  },
}));
const formsAsked: string[] = [];

const { Reports } = await import('../../src/extension/reports');

const Doc = FakeDocument;

describe('Reports', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    analyzed.length = 0;
    fake.documents = [];
  });
  const made: { dispose(): void }[] = [];
  afterEach(() => {
    for (const r of made.splice(0)) r.dispose();
    vi.useRealTimers();
  });

  function make(debounceMs = 150) {
    const reports = new Reports({ debounceMs: () => debounceMs, analyzeOptions: () => ({ draws: 2 }) });
    made.push(reports);
    const updates: string[] = [];
    reports.onDidUpdate(({ report }) => updates.push((report as unknown as { text: string }).text));
    return { reports, updates };
  }

  it('analyses a document on open and announces it', () => {
    const { updates } = make();
    const d = new Doc('a');
    fake.open.fire(d);
    vi.advanceTimersByTime(0);
    expect(updates).toEqual(['a']);
    // the settings' options, with every form in the Report until the hover and panel ask through forms()
    expect(options.at(-1)).toEqual({ forms: true, draws: 2 });
  });

  it('debounces typing: one analysis after the pause, of the latest text only', () => {
    const { updates } = make(150);
    const d = new Doc('a');
    d.edit('ab');
    vi.advanceTimersByTime(100);
    d.edit('abc');
    vi.advanceTimersByTime(100);
    d.edit('abcd');
    vi.advanceTimersByTime(149);
    expect(analyzed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(analyzed).toEqual(['abcd']);
    expect(updates).toEqual(['abcd']);
  });

  it('get() answers at once for the current version and caches it; the pending run then only announces', () => {
    const { reports, updates } = make(150);
    const d = new Doc('x');
    d.edit('xy');
    const r1 = reports.get(d as never);
    const r2 = reports.get(d as never);
    expect(r1).toBe(r2);
    expect(analyzed).toEqual(['xy']);
    vi.advanceTimersByTime(150);
    expect(analyzed).toEqual(['xy']);
    expect(updates).toEqual(['xy']);
  });

  it('a new version is analysed again; a closed document is dropped and never announced', () => {
    const { reports, updates } = make(50);
    const d = new Doc('p');
    reports.get(d as never);
    d.edit('pq');
    d.isClosed = true;
    fake.close.fire(d);
    vi.advanceTimersByTime(100);
    expect(updates).toEqual([]);
    d.isClosed = false;
    expect((reports.get(d as never) as unknown as { text: string }).text).toBe('pq');
  });

  it('ignores other languages', () => {
    const { updates } = make();
    const d = new Doc('a');
    d.languageId = 'markdown';
    fake.open.fire(d);
    vi.advanceTimersByTime(1000);
    expect(updates).toEqual([]);
  });

  it('an analysis that throws becomes one error on line 1', () => {
    const { reports } = make();
    const r = reports.get(new Doc('boom') as never);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(r.diagnostics[0]!.message).toContain('engine bug');
  });

  it('forms(document, line) asks the cached analysis of the current version; a failed analysis gives its numbers', () => {
    const { reports } = make();
    formsAsked.length = 0;
    const d = new Doc('f');
    expect(reports.forms(d as never, 2)).toEqual({ line: 2, results: [], forms: true });
    expect(reports.forms(d as never, 7)).toBeUndefined();
    expect(analyzed.filter((t) => t === 'f')).toHaveLength(1);
    d.edit('g');
    reports.forms(d as never, 2);
    expect(formsAsked).toEqual(['f:2', 'f:7', 'g:2']);
    expect(reports.forms(new Doc('boom', { toString: () => 'file:///b.rnn' }) as never, 2)).toBeUndefined();
  });
});

import { describe, expect, test } from 'vitest';
import { asPanelState, isFromWebview, isToWebview } from '../../src/protocol';
import { cursorContext, sameContext } from '../../src/extension/panel/panelCursor';
import { sheet7Report } from './fixtures';

describe('messages', () => {
  test('the host accepts only well-formed webview messages', () => {
    expect(isFromWebview({ type: 'ready' })).toBe(true);
    expect(isFromWebview({ type: 'scale', requestId: 3, scale: { W_hh: 0.5 } })).toBe(true);
    expect(isFromWebview({ type: 'scale', requestId: 3, scale: { W_hh: -1 } })).toBe(false);
    expect(isFromWebview({ type: 'scale', requestId: 3, scale: { W_hh: Infinity } })).toBe(false);
    expect(isFromWebview({ type: 'scale', requestId: 1.5, scale: {} })).toBe(false);
    expect(isFromWebview({ type: 'reveal', line: 4 })).toBe(true);
    expect(isFromWebview({ type: 'reveal', line: 0 })).toBe(false);
    expect(isFromWebview({ type: 'reveal', line: '4' })).toBe(false);
    expect(isFromWebview({ type: 'copy', text: 'x', what: 'y' })).toBe(true);
    expect(isFromWebview({ type: 'copy', text: 5, what: 'y' })).toBe(false);
    expect(isFromWebview({ type: 'exportSvg', svg: '<svg/>' })).toBe(true);
    expect(isFromWebview({ type: 'rendered', postedAt: 1, latencyMs: 2, graphMs: 3, totalMs: 4 })).toBe(true);
    expect(isFromWebview({ type: 'rendered', postedAt: 1, latencyMs: NaN, graphMs: 3, totalMs: 4 })).toBe(false);
    expect(isFromWebview({ type: 'runCommand', command: 'x' })).toBe(false);
    expect(isFromWebview(null)).toBe(false);
    expect(isFromWebview('ready')).toBe(false);
  });

  test('the webview accepts only well-formed host messages', () => {
    const report = sheet7Report();
    expect(
      isToWebview({ type: 'report', doc: { uri: 'u', fileName: 'f', version: 1 }, report, cursor: null, editAt: 1, postedAt: 1 }),
    ).toBe(true);
    expect(isToWebview({ type: 'report', doc: {}, report: null, postedAt: 1 })).toBe(false);
    expect(isToWebview({ type: 'scaled', requestId: 1, scale: {}, report: null, error: 'x' })).toBe(true);
    expect(isToWebview({ type: 'select', node: 'h@2' })).toBe(true);
    expect(isToWebview({ type: 'eval', code: '1' })).toBe(false);
  });

  test('persisted state is validated', () => {
    expect(asPanelState(undefined)).toEqual({ uri: null, selected: null, scaleParam: null, scaleFactor: 1 });
    expect(asPanelState({ uri: 'file:///a.rnn', selected: 'h@1', scaleParam: 'W', scaleFactor: 0.5 })).toEqual({
      uri: 'file:///a.rnn',
      selected: 'h@1',
      scaleParam: 'W',
      scaleFactor: 0.5,
    });
    expect(asPanelState({ uri: 3, scaleFactor: -2 })).toEqual({ uri: null, selected: null, scaleParam: null, scaleFactor: 1 });
  });
});

describe('cursor context', () => {
  const r = sheet7Report();
  test('a derive line, anywhere on it', () => {
    expect(cursorContext(r, 24, 1).derive).toBe(0);
    expect(cursorContext(r, 25, 15).derive).toBe(1);
    expect(cursorContext(r, 23, 1).derive).toBeNull();
    expect(cursorContext(r, 30, 3).check).toBe(0);
  });
  test('a name at a fixed step designates a node; a relative one a row', () => {
    expect(cursorContext(r, 24, 12)).toMatchObject({ node: 'W_hh', symbol: { name: 'W_hh', step: null, relative: false } });
    expect(cursorContext(r, 30, 11)).toMatchObject({ node: 'o@3', symbol: { name: 'o', step: 3 } });
    expect(cursorContext(r, 17, 2)).toMatchObject({ node: 'h@0' });
    expect(cursorContext(r, 26, 14)).toMatchObject({ node: null, symbol: { name: 'h', step: null, relative: true } });
    expect(cursorContext(r, 19, 1)).toMatchObject({ node: null, symbol: { name: 'h', relative: true } });
    expect(cursorContext(r, 24, 2)).toMatchObject({ node: null, symbol: null });
  });
  test('moves inside one token are the same context', () => {
    expect(sameContext(cursorContext(r, 24, 11), cursorContext(r, 24, 13))).toBe(true);
    expect(sameContext(cursorContext(r, 24, 11), cursorContext(r, 25, 11))).toBe(false);
    expect(sameContext(null, cursorContext(r, 24, 11))).toBe(false);
  });
});

// KaTeX outside a browser (the bench renders the panel into a happy-dom Window in plain Node, where there
// is no global document): mathElement still typesets, and leaves no global behind.
import { expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { mathElement } from '../../src/webview/math';

test('typesets into a document that is not the global one', async () => {
  expect((globalThis as { document?: unknown }).document).toBeUndefined();
  const window = new Window();
  const doc = window.document as unknown as Document;
  const el = mathElement(doc, '\\frac{\\partial L}{\\partial W_{hh}}', true);
  expect(el.classList.contains('katex-error')).toBe(false);
  expect(el.querySelector('.katex')).not.toBeNull();
  expect(el.ownerDocument).toBe(doc);
  expect((globalThis as { document?: unknown }).document).toBeUndefined();
  await window.happyDOM.close();
});

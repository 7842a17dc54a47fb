// Imported first by the panel tests: happy-dom has no `document.compatMode`, and KaTeX refuses to
// render (checked once, when it loads) unless the page is in standards mode, as the real webview is
// (panelHtml starts with <!DOCTYPE html>).
if (typeof document !== 'undefined' && (document as { compatMode?: string }).compatMode !== 'CSS1Compat') {
  Object.defineProperty(document, 'compatMode', { value: 'CSS1Compat', configurable: true });
}
export {};

// happy-dom has no `document.compatMode`, and KaTeX, when it loads, checks the page is not in quirks mode
// (the real webview's page starts with <!DOCTYPE html>): set before anything imports KaTeX.
if (typeof document !== 'undefined' && (document as { compatMode?: string }).compatMode !== 'CSS1Compat') {
  Object.defineProperty(document, 'compatMode', { value: 'CSS1Compat', configurable: true });
}
export {};

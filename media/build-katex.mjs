// Copies KaTeX's stylesheet and its woff2 fonts from node_modules into media/katex/ (run by
// esbuild.config.mjs). Every webview engine VS Code ships reads woff2, so the .woff/.ttf fallbacks
// are dropped from the stylesheet and not copied: the panel's fonts then load only from media/katex/fonts.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export function copyKatex() {
  const here = dirname(fileURLToPath(import.meta.url));
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve('katex/package.json')), 'dist');
  const out = join(here, 'katex');
  mkdirSync(join(out, 'fonts'), { recursive: true });
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8')
    // src:url(a.woff2) format("woff2"),url(a.woff) format("woff"),url(a.ttf) format("truetype") → the woff2 alone
    .replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '');
  if (/\.(?:woff|ttf)\)/.test(css)) throw new Error('media/build-katex.mjs: KaTeX stylesheet still refers to .woff/.ttf fonts');
  writeFileSync(join(out, 'katex.min.css'), css);
  const fonts = readdirSync(join(dist, 'fonts')).filter((f) => f.endsWith('.woff2'));
  for (const f of fonts) copyFileSync(join(dist, 'fonts', f), join(out, 'fonts', f));
  return fonts.length;
}

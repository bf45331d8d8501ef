// Builds the plugin: plugin/main.ts → dist/code.js, ui/main.tsx → one self-contained
// dist/ui.html (a plugin iframe can load no side files, so JS and CSS are inlined).
// `node build.mjs --watch` rebuilds on change; `--dev` skips minification; `--out <dir>` writes elsewhere.
import * as esbuild from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const watch = process.argv.includes('--watch');
const minify = !process.argv.includes('--dev');
// `--out <dir>`: the release script builds straight into release/, never under the tests' feet in dist/.
const outArg = process.argv.indexOf('--out');
const outdir = path.resolve(outArg >= 0 ? process.argv[outArg + 1] : 'dist');

/** `import '!x.css'` means "global CSS, not a CSS module" (the create-figma-plugin convention). */
const globalCss = {
  name: 'global-css',
  setup(build) {
    build.onResolve({ filter: /^!/ }, async (args) => {
      const resolved = await build.resolve(args.path.slice(1), { kind: args.kind, resolveDir: args.resolveDir });
      return { path: resolved.path, errors: resolved.errors };
    });
  },
};

/** Writes dist/ui.html from the bundle's JS and CSS after every UI build. */
const inlineHtml = {
  name: 'inline-html',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length) return;
      const files = result.outputFiles ?? [];
      const js = files.find((f) => f.path.endsWith('.js'))?.text ?? '';
      const css = files.find((f) => f.path.endsWith('.css'))?.text ?? '';
      // A literal "</script" inside the bundle would end the inline script early.
      const safeJs = js.replace(/<\/(script)/gi, '<\\/$1');
      // The first mark, before the CSS and the bundle: the bench splits the frame's own start
      // (document there → parser running, the same for any HTML) from the bundle's parse.
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Riverflow</title><script>performance.mark('riverflow-document')</script><style>${css}</style></head><body><div id="app"></div><script>${safeJs}</script></body></html>`;
      await mkdir(outdir, { recursive: true });
      await writeFile(path.join(outdir, 'ui.html'), html);
      if (watch) console.log(`ui.html rebuilt (${html.length} bytes)`);
    });
  },
};

const common = { bundle: true, minify, legalComments: 'none', logLevel: watch ? 'info' : 'warning' };

const pluginOptions = {
  ...common,
  entryPoints: ['plugin/main.ts'],
  outfile: path.join(outdir, 'code.js'),
  format: 'iife',
  // Figma's main-thread sandbox: stay with syntax it has long supported.
  target: 'es2017',
};

const uiOptions = {
  ...common,
  entryPoints: ['ui/main.tsx'],
  outdir: path.join(outdir, 'ui-bundle'),
  write: false,
  format: 'iife',
  target: 'chrome100',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.css': 'css', '.module.css': 'local-css' },
  plugins: [globalCss, inlineHtml],
};

if (watch) {
  const contexts = await Promise.all([esbuild.context(pluginOptions), esbuild.context(uiOptions)]);
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching plugin/, ui/ and core/ …');
} else {
  await Promise.all([esbuild.build(pluginOptions), esbuild.build(uiOptions)]);
}

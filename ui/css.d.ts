// CSS imports: `!x.css` is global CSS, `x.module.css` maps class names (esbuild local-css).
declare module '*.css';

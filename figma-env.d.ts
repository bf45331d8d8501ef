// The Plugin API's global types without index.d.ts's globals (fetch, console, setTimeout),
// which clash with the DOM and Node types the UI, fakes and tests need. The main thread
// declares the `figma` global itself in plugin/figma-global.d.ts.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a global declarations file, not a module: it cannot import
/// <reference path="./node_modules/@figma/plugin-typings/plugin-api.d.ts" />

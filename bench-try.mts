import { browserFigures } from './bench/browser.ts';
await browserFigures();
process.exit(0);

// Lint for the main thread: Figma's own rules (deprecated sync APIs, dynamic-page pitfalls)
// need type information, so they run with the project's tsconfig.
import figmaPlugins from '@figma/eslint-plugin-figma-plugins';
import tseslint from 'typescript-eslint';

export default tseslint.config({
  files: ['plugin/**/*.ts'],
  extends: [figmaPlugins.flatConfigs.recommended],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
  },
});

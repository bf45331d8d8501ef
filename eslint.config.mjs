// Lint for every folder: typescript-eslint's recommended rules everywhere, the hooks rules
// for the Preact UI, and Figma's own rules (deprecated sync APIs, dynamic-page pitfalls)
// for the main thread; those need type information, so they run with the project's tsconfig.
import figmaPlugins from '@figma/eslint-plugin-figma-plugins';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-output/'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['plugin/**/*.ts'],
    extends: [figmaPlugins.flatConfigs.recommended],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
);

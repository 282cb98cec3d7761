// ESLint checks the code (unused names, undefined globals, likely bugs); Prettier owns the layout, so the rules that
// would fight it are switched off by eslint-config-prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default [
  { ignores: ['dist/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  { files: ['src/**/*.js'], languageOptions: { globals: globals.browser } },
  { files: ['src/**/*.test.js', '*.config.js'], languageOptions: { globals: globals.node } },
  // the specs and benchmarks run in Node and hand functions to the page (page.evaluate), which run in the browser
  { files: ['e2e/**/*.js', 'bench/**/*.js'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  prettier,
];

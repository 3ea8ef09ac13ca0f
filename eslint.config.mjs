// ESLint (flat config): typescript-eslint's recommended rules, formatting left to Prettier, and the
// project's boundary rule — an entity is written only from its own feature folder (its owner).
import js from '@eslint/js';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import noForeignWrites from './tools/eslint/no-foreign-writes.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'data/**', 'docker/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { ak1: { rules: { 'no-foreign-writes': noForeignWrites } } },
    rules: {
      'ak1/no-foreign-writes': 'error',
      // Nest's DI and decorators need classes with only a constructor, and namespaces are not used.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // Tests and benchmarks set up worlds directly in the database (and write rows on purpose); the seed
    // bulk-writes every table, in the rows the owners' row builders (`<feature>/*-rows.ts`) make.
    files: ['test/**', 'migrations/**', 'scripts/**', 'tools/**', 'src/seed/**'],
    rules: { 'ak1/no-foreign-writes': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', '**/*.js'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The console's own script runs in the browser.
    files: ['src/console/assets/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);

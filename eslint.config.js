import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const forbidMarkupInjection = {
  'no-eval': 'error',
  'no-implied-eval': 'off',
  '@typescript-eslint/no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-properties': [
    'error',
    {
      property: 'innerHTML',
      message: 'Build nodes or use textContent: markup from data is never parsed.',
    },
    {
      property: 'outerHTML',
      message: 'Build nodes or use textContent: markup from data is never parsed.',
    },
    {
      property: 'insertAdjacentHTML',
      message: 'Build nodes instead: markup from data is never parsed.',
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
      message: 'Render text through Preact; markup from data is never parsed.',
    },
    {
      selector: "Property[key.name='dangerouslySetInnerHTML']",
      message: 'Render text through Preact; markup from data is never parsed.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-*/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'tests/fixtures/vendor/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...forbidMarkupInjection,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // One flavour (zod/mini, tree-shakable) configured in one place; full zod would put
          // ~180 KB back into the content script, and a second import point could skip the config.
          patterns: [
            {
              regex: '^zod(/|$)',
              message: 'Import z from core/zod (zod/mini, configured for extension CSP).',
            },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The one place that imports and configures zod.
    files: ['core/zod.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Plain JS scripts (CI helpers, fixtures served to browsers) are not part of the TS project.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: false },
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        PerformanceObserver: 'readonly',
        document: 'readonly',
        window: 'readonly',
      },
    },
  },
);

// Lint rules that protect the architecture, not only the style:
// - apps never import apps, and import libraries only through their one entry point;
// - domain libraries (rules, calendar, codes) import no infrastructure at all;
// - only tests may import the testing library;
// - promises are never left floating, switches over unions are exhaustive.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const libraryTags = ['type:domain', 'type:contracts', 'type:infra'];
// Tests (and only tests) may also import the testing libraries.
const boundaries = (allowTesting) => {
  const plus = (tags) => (allowTesting ? [...tags, 'type:testing'] : tags);
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      banTransitiveDependencies: true,
      allow: [],
      depConstraints: [
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: plus(libraryTags) },
        {
          sourceTag: 'type:domain',
          onlyDependOnLibsWithTags: ['type:domain'],
          bannedExternalImports: [
            '@nestjs/*',
            'mongoose',
            'mongodb',
            'kafkajs',
            'opossum',
            'node:*',
            'fs',
            'http',
          ],
        },
        {
          sourceTag: 'type:contracts',
          onlyDependOnLibsWithTags: plus(['type:domain', 'type:contracts']),
        },
        { sourceTag: 'type:infra', onlyDependOnLibsWithTags: plus(libraryTags) },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [...libraryTags, 'type:testing'] },
        { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: [...libraryTags, 'type:testing'] },
        // The browser application imports no library of the repository: they are server code.
        {
          sourceTag: 'type:web',
          onlyDependOnLibsWithTags: [],
          bannedExternalImports: [
            '@nestjs/*',
            'mongoose',
            'mongodb',
            'kafkajs',
            'opossum',
            'node:*',
          ],
        },
      ],
    },
  ];
};

export default [
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/coverage',
      '.nx',
      'tmp',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      // The tools are product code (type-checked by tools/tsconfig.json): linted too.
      '!tools/**/*.mjs',
      '!tools/jest/*.js',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  // For the tools (the only JavaScript not ignored above): Node and browser globals.
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', 'apps/web/**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false } },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message:
            'Read configuration through the validated config class of the app (house style 6).',
        },
      ],
    },
  },
  {
    // The tools: plain JavaScript run by Node before npm install (tools/cli/lifecycle.mjs),
    // checked by tsc from their JSDoc (tools/tsconfig.json); they read the environment freely.
    files: ['tools/**/*.mjs', 'tools/jest/*.js'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false } },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Jest loads its global set-up as CommonJS.
    files: ['tools/jest/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests may use the testing library and read the environment the test runner sets.
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'libs/testing/**/*.ts',
      'libs/test-infra/**/*.ts',
      'libs/*/src/testing/**/*.ts',
      'apps/*/src/testing/**/*.ts',
      'apps/*/src/test-support/**/*.ts',
    ],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(true),
      'no-restricted-syntax': 'off',
    },
  },
  {
    // The one place each app reads the environment.
    files: [
      '**/*.config.ts',
      'libs/platform/src/config/**/*.ts',
      'libs/platform/src/bootstrap/bootstrap-service.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  prettier,
];

// ESLint flat config. The import rules keep DESIGN.md's arrows pointing down:
// library modules never import commands, and only src/bpf loads the native addon.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const upward = {group: ['**/commands/**', '**/cli/**'], message: 'library modules never import commands or the CLI layer'}
const nativeOutsideBpf = {group: ['**/native/**', '**/*.node'], message: 'only src/bpf loads the native addon'}

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'src/native/build/**', 'src/hubble/proto/generated/**', 'bpf/**']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly'}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
    },
  },
  // Each file gets one no-restricted-imports list (a later block would replace an earlier one).
  {files: ['src/**/*.ts'], ignores: ['src/commands/**', 'src/cli/**', 'src/bpf/**'],
    rules: {'no-restricted-imports': ['error', {patterns: [upward, nativeOutsideBpf]}]}},
  {files: ['src/bpf/**/*.ts'], rules: {'no-restricted-imports': ['error', {patterns: [upward]}]}},
  // Every command module is evaluated on every start of the CLI (one bundle): heavy modules
  // are loaded inside run() with `await import()`. Type-only imports are free.
  {files: ['src/commands/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {patterns: [nativeOutsideBpf, {
        group: ['**/bpf/**', '**/bpf', '**/hubble/proto/**', '**/hubble/codec/**', '**/hubble/client*', '**/hubble/server/**',
          '**/hubble/printer/**', '**/datapath/**', '**/agent/**', '@grpc/*', 'protobufjs', 'protobufjs/*', 'yaml',
          'cli-table3', 'chalk', 'conf', 'inquirer', '@inquirer/*'],
        allowTypeImports: true,
        message: 'command modules load at every CLI start (one bundle): import this inside run() with `await import()`',
      }]}],
    }},
)

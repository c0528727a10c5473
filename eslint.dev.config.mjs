// `npm run lint:dev`: the code that runs in Node beside the package and never ships (tests,
// the benchmark, scripts, tool configs). n8n's config (eslint.config.mjs) lints the package.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Folders that only this config lints; eslint.config.mjs leaves them out. */
export const devOnly = ['test/', 'bench/', 'scripts/', '.dev/', 'coverage/'];

export default tseslint.config(
	{ ignores: ['dist/', 'nodes/', 'credentials/', '.dev/', 'coverage/', 'bench/.tmp/', 'test/e2e/screenshots/'] },
	{ languageOptions: { globals: globals.node } },
	{
		files: ['**/*.js'],
		extends: [js.configs.recommended],
		languageOptions: { sourceType: 'commonjs' },
		rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }] },
	},
	{ files: ['**/*.mjs'], extends: [js.configs.recommended] },
	// The tests and their harness run in Jest, which provides describe, test, expect, ...
	{ files: ['test/**/*.js'], languageOptions: { globals: globals.jest } },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }] },
	},
);

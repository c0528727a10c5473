// `npm run lint:dev`: the code that runs in Node beside the package and never ships (tests and
// their harness, the simulator, the benchmark, scripts, tool configs): all of it JavaScript,
// linted with ESLint's recommended rules. n8n's config (eslint.config.mjs, `npm run lint`) lints
// every .ts file, which is the package only (nodes/, credentials/). README "Development".
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';

export default defineConfig(
	globalIgnores(['dist/', 'nodes/', 'credentials/', '.dev/', 'coverage/', 'bench/.tmp/', 'test/e2e/screenshots/']),
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
);

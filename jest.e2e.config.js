/**
 * The end-to-end suite (`npm run test:e2e`, scripts/test-e2e.js): test/e2e/*.e2e.test.ts, one
 * file at a time (each starts real n8n processes), with generous timeouts.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	maxWorkers: 1,
	testTimeout: 180000,
	verbose: true, // every test by name
};

/**
 * The end-to-end suite (`npm run test:e2e`, scripts/test-e2e.js): test/e2e/*.e2e.test.js, one
 * file at a time (each starts real n8n processes), with generous timeouts. Plain JavaScript:
 * nothing to transform.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.js'],
	transform: {},
	maxWorkers: 1,
	testTimeout: 180000,
	verbose: true, // every test by name
};

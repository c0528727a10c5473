/**
 * `npm test`'s last step (and `npm run test:unit`): the *.test.js files under test/, against the
 * built package in dist/ (`npm run build` first), which the harness loads with n8n-core's package
 * loader. Plain JavaScript: nothing to transform.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	// The end-to-end suite has a config of its own: jest.e2e.config.js.
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	setupFiles: ['<rootDir>/test/harness/env.js'],
	transform: {},
	testTimeout: 30000,
};

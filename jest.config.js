const fs = require('node:fs');
const path = require('node:path');

/**
 * TypeScript files among the dev code (test/, bench/). The dev code is JavaScript (README,
 * "Development"): n8n's lint would hold a .ts file to the Cloud rules, and Jest here would not
 * run a *.test.ts file at all, so one is refused loudly instead of being left out quietly.
 * @param {string} dir
 * @returns {string[]}
 */
function typeScriptIn(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'screenshots' ? [] : typeScriptIn(file);
		return /\.[cm]?ts$/.test(entry.name) ? [path.relative(__dirname, file)] : [];
	});
}
const typeScript = ['test', 'bench'].flatMap((dir) => typeScriptIn(path.join(__dirname, dir)));
if (typeScript.length > 0) throw new Error(`dev code is JavaScript (README, Development); convert: ${typeScript.join(', ')}`);

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
	// Two files at once, also on two cores (Jest's default there is one): many tests mostly wait
	// on sockets (timeouts, backoffs, Retry-After), so the second worker fills the wait.
	maxWorkers: 2,
};

#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:e2e [-- --skip-build] [-- <Jest arguments>]`: the end-to-end suite
 * (test/e2e/*.e2e.test.js with jest.e2e.config.js) on the n8n lines in $WOOSHPAY_N8N_LINES
 * (comma-separated versions; default: every tested line, scripts/n8n.js LINES).
 *
 * Installs Debian's chromium when it is missing (test/e2e/install-chromium.sh), builds the
 * package, installs each n8n line into the cache first (minutes the first time, with progress),
 * then runs Jest in a process group of its own, which is ended afterwards and on Ctrl-C, so
 * nothing n8n or Chromium started outlives the run. Ends with "e2e: N passed, N failed", counted
 * from Jest's JSON result (a test file that could not run counts as failed).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { LINES, ensureN8n } = require('./n8n');
const { cleanNpmEnv, run, start } = require('./process');

const ROOT = path.resolve(__dirname, '..');
const log = (/** @type {string} */ message) => process.stdout.write(`[e2e] ${message}\n`);

async function main() {
	const args = process.argv.slice(2);
	if (!fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) {
		log("installing Debian's chromium for the editor tests");
		await run('bash', [path.join(ROOT, 'test/e2e/install-chromium.sh')], { timeoutMs: 20 * 60000, log });
	}
	if (!args.includes('--skip-build')) await run('npm', ['run', 'build'], { cwd: ROOT, env: cleanNpmEnv() });
	const lines = (process.env.WOOSHPAY_N8N_LINES || Object.keys(LINES).join(',')).split(',').filter(Boolean);
	for (const version of lines) await ensureN8n(version.trim(), { log: (m) => log(`n8n ${version}: ${m}`) });

	const resultFile = path.join(os.tmpdir(), `wooshpay-e2e-${process.pid}.json`);
	const jestArgs = ['-c', 'jest.e2e.config.js', '--json', `--outputFile=${resultFile}`, ...args.filter((a) => a !== '--skip-build')];
	const jest = start(process.execPath, [require.resolve('jest/bin/jest'), ...jestArgs], { cwd: ROOT, group: true, inherit: true });
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
		process.on(signal, () => {
			log(`${signal}: stopping the suite and everything it started`);
			void jest.stop(5000).then(() => process.exit(130));
		});
	}
	const { code } = await jest.exited;
	/** @type {{numPassedTests: number, numFailedTests: number, numRuntimeErrorTestSuites: number} | undefined} */
	let result;
	try {
		result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
		fs.rmSync(resultFile);
	} catch {
		// Jest did not get as far as writing it
	}
	const passed = result?.numPassedTests ?? 0;
	const failed = (result?.numFailedTests ?? 0) + (result?.numRuntimeErrorTestSuites ?? 1);
	process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
	process.exitCode = code === 0 && failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((error) => {
	log(`ERROR ${error instanceof Error ? error.message : String(error)}`);
	process.stdout.write('e2e: 0 passed, 1 failed\n');
	process.exitCode = 1;
});

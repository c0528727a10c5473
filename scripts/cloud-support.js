#!/usr/bin/env node
// @ts-check
/**
 * `npm run check:cloud` (the first step of `npm test`): n8n's own verdict on whether the package
 * can be verified for n8n Cloud. Runs `n8n-node cloud-support` (which only reports; it changes
 * nothing), strips its colours and fails unless it says "Status: eligible", so that strict mode
 * in package.json and node-cli's two-line eslint.config.mjs cannot be lost unnoticed. The other
 * half of eligibility, `n8n-node lint` without errors, is `npm run lint`.
 */
const path = require('node:path');
const { stripVTControlCharacters } = require('node:util');

const { run } = require('./process');

const ROOT = path.resolve(__dirname, '..');

async function main() {
	const { code, output } = await run(path.join(ROOT, 'node_modules/.bin/n8n-node'), ['cloud-support'], {
		cwd: ROOT,
		check: false,
		timeoutMs: 60000,
	});
	const text = stripVTControlCharacters(output);
	const status = /Status: (.*)/.exec(text)?.[1].trim();
	const eligible = code === 0 && status !== undefined && /^eligible\b/.test(status);
	process.stdout.write(`n8n-node cloud-support: ${eligible ? status : `NOT eligible (${status ?? `no status, exit code ${code}`})`}\n`);
	if (!eligible) process.stdout.write(`${text}\n`);
	process.exitCode = eligible ? 0 : 1;
}

main().catch((error) => {
	process.stdout.write(`n8n-node cloud-support: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});

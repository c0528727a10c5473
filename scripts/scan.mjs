// @ts-check
// `npm run scan`: n8n's own scanner (@n8n/scan-community-package), which n8n runs before it
// verifies a package, on this checkout and on the tarball `npm pack` makes of it, as n8n does on
// a published version (its CLI takes only a published name@version with npm provenance).
// Needs a build (dist/). Exits 1 when either scan finds a violation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// @ts-expect-error -- @n8n/scan-community-package ships no type declarations; what this script uses of it is typed below
import * as scanner from '@n8n/scan-community-package/scanner/scanner.mjs';

import n8n from './n8n.js';
import proc from './process.js';

/**
 * @type {{
 *   SOURCE_FILE_PATTERNS: string[],
 *   analyzePackage: (dir: string, patterns: string[]) => Promise<{passed: boolean, message?: string, details?: string}>,
 * }}
 */
const { SOURCE_FILE_PATTERNS, analyzePackage } = scanner;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!fs.existsSync(path.join(root, 'dist'))) throw new Error('no dist/: run `npm run build` first');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wooshpay-scan-'));
try {
	const tarball = await n8n.packPackage(root, work);
	const unpacked = path.join(work, 'package');
	fs.mkdirSync(unpacked);
	await proc.run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	let failed = false;
	/** @type {Array<[what: string, dir: string, patterns: string[]]>} */
	const scans = [
		[`the checkout (${SOURCE_FILE_PATTERNS.join(', ')})`, root, SOURCE_FILE_PATTERNS],
		[`the packed ${path.basename(tarball)} (**/*.js, package.json)`, unpacked, ['**/*.js', 'package.json']],
	];
	for (const [what, dir, patterns] of scans) {
		const result = await analyzePackage(dir, patterns);
		const passed = result.passed && !result.message; // "No files found to analyze" passes too
		process.stdout.write(`scan: ${what}: ${passed ? 'passed' : `FAILED: ${result.message}`}\n${result.details ?? ''}`);
		failed ||= !passed;
	}
	process.exitCode = failed ? 1 : 0;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}

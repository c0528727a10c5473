#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Starts the WooshPay simulator on its own, as a local sandbox:
 *   node test/simulator/cli.js [--port 0] [--seed] [--key sk_test_sandbox] [--rate-limit 50] [--latency 0]
 * Prints one line of JSON ({"url": ...}) when it listens; stops on Ctrl-C.
 */
const { startSimulator, DEFAULT_KEY } = require('./simulator');

/** @param {string} name */
function arg(name) {
	const at = process.argv.indexOf(name);
	return at >= 0 ? process.argv[at + 1] : undefined;
}

(async () => {
	const sim = await startSimulator({
		port: Number(arg('--port') ?? 0),
		seed: process.argv.includes('--seed'),
		keys: [arg('--key') ?? DEFAULT_KEY],
		rateLimit: Number(arg('--rate-limit') ?? 0),
		latencyMs: Number(arg('--latency') ?? 0),
	});
	process.stdout.write(`${JSON.stringify({ url: sim.url, key: arg('--key') ?? DEFAULT_KEY })}\n`);
	const stop = () => void sim.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})();

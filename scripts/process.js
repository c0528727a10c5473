// @ts-check
/**
 * The one process helper of scripts/ and the end-to-end suite: run a command to its end, start
 * a long-running process, free loopback ports, npm's environment, waiting for a condition.
 *
 * Children stay in the caller's process group, so Ctrl-C in a terminal reaches them as it
 * reaches us, unless started with `group: true`: then the child and all it starts run in a
 * process group of their own, ended as a whole when the child exits or is stopped (the e2e
 * runner starts Jest so, and nothing n8n started outlives the run). `stop()` ends a child;
 * children still running when this process exits are killed.
 */
const { spawn } = require('node:child_process');
const net = require('node:net');

/** The children running now, each with how to signal it (or its group). @type {Map<import('node:child_process').ChildProcess, (signal: NodeJS.Signals) => void>} */
const running = new Map();
process.on('exit', () => {
	for (const signal of running.values()) signal('SIGKILL');
});

/** @param {number} ms */
function formatDuration(ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** The last `count` non-empty lines of `text`, indented. @param {string} text @param {number} [count] */
function lastLines(text, count = 25) {
	const lines = text.split('\n').filter((l) => l.trim() !== '');
	return lines.slice(-count).map((l) => `  ${l}`).join('\n');
}

/** This process's environment without the npm_* variables of a surrounding `npm run`, plus `extra`. */
function cleanNpmEnv(/** @type {NodeJS.ProcessEnv} */ extra = {}) {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
	return { ...env, ...extra };
}

/**
 * A TCP port free on 127.0.0.1 right now: `preferred` when it is free, else any.
 * @param {number} [preferred]
 * @returns {Promise<number>}
 */
function freePort(preferred = 0) {
	return new Promise((resolve, reject) => {
		const server = net.createServer().unref();
		server.once('error', (error) => (preferred ? resolve(freePort()) : reject(error)));
		server.listen(preferred, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/** @param {number} count @returns {Promise<number[]>} distinct free ports */
async function freePorts(count) {
	const ports = new Set();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

/**
 * Polls `probe` every 200 ms until it returns something truthy, and returns that.
 * @template T
 * @param {string} what   for the error: what did not happen
 * @param {() => Promise<T | undefined | false> | T | undefined | false} probe
 * @param {number} timeoutMs
 * @returns {Promise<T>}
 */
async function waitFor(what, probe, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/**
 * @typedef {object} Started
 * @property {import('node:child_process').ChildProcess} child
 * @property {() => string} stdout
 * @property {() => string} output     stdout and stderr as they came (the last megabyte)
 * @property {Promise<{code: number | null, signal: string | null}>} exited
 * @property {(graceMs?: number) => Promise<void>} stop   SIGTERM, then SIGKILL after graceMs
 */

/**
 * Starts a process and keeps its output.
 * @param {string} command
 * @param {string[]} args
 * @param {{cwd?: string, env?: NodeJS.ProcessEnv, onOutput?: (text: string) => void,
 *   group?: boolean, inherit?: boolean}} [options]   inherit: share our stdout and stderr instead
 * @returns {Started}
 */
function start(command, args, options = {}) {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: options.inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
		detached: options.group,
	});
	/** @param {NodeJS.Signals} sig */
	const signal = (sig) => {
		try {
			if (options.group && child.pid) process.kill(-child.pid, sig);
			else child.kill(sig);
		} catch {
			// gone already
		}
	};
	running.set(child, signal);
	let stdout = '';
	let output = '';
	child.stdout?.on('data', (chunk) => (stdout += chunk));
	for (const stream of [child.stdout, child.stderr]) {
		stream?.on('data', (chunk) => {
			output = (output + chunk).slice(-1_000_000);
			options.onOutput?.(String(chunk));
		});
	}
	/** @type {Promise<{code: number | null, signal: string | null}>} */
	const exited = new Promise((resolve) => {
		child.once('error', (error) => {
			output += `\ncould not start ${command}: ${error.message}`;
			running.delete(child);
			resolve({ code: null, signal: null });
		});
		child.once('close', (code, sig) => {
			if (options.group) signal('SIGKILL'); // what the group leader left behind
			running.delete(child);
			resolve({ code, signal: sig });
		});
	});
	const stop = async (graceMs = 10000) => {
		if (!running.has(child)) return;
		signal('SIGTERM');
		const timer = setTimeout(() => signal('SIGKILL'), graceMs);
		await exited;
		clearTimeout(timer);
	};
	return { child, stdout: () => stdout, output: () => output, exited, stop };
}

/**
 * Runs a command to its end. Unless `check` is false, rejects (with the last lines of its
 * output) when it exits other than 0 or takes longer than `timeoutMs`. With `log`, reports
 * progress (and `progress()`) every 15 s.
 * @param {string} command
 * @param {string[]} args
 * @param {{cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number, check?: boolean,
 *   log?: (message: string) => void, progress?: () => string}} [options]
 * @returns {Promise<{code: number | null, stdout: string, output: string}>}
 */
async function run(command, args, options = {}) {
	const { timeoutMs = 300000, check = true, log } = options;
	const what = `${command} ${args.join(' ')}`;
	const started = Date.now();
	const proc = start(command, args, options);
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void proc.stop(2000);
	}, timeoutMs);
	const ticker = log
		? setInterval(() => log(`${what}: ${formatDuration(Date.now() - started)} so far${options.progress ? `, ${options.progress()}` : ''}`), 15000)
		: undefined;
	const { code, signal } = await proc.exited;
	clearTimeout(timer);
	clearInterval(ticker);
	const why = timedOut ? `did not finish within ${timeoutMs / 1000} s` : signal ? `was stopped (${signal})` : `exited with code ${code}`;
	if ((timedOut || (check && code !== 0))) {
		throw new Error(`${what} ${why} after ${formatDuration(Date.now() - started)}; last output:\n${lastLines(proc.output())}`);
	}
	log?.(`${what}: done in ${formatDuration(Date.now() - started)}`);
	return { code, stdout: proc.stdout(), output: proc.output() };
}

module.exports = { cleanNpmEnv, formatDuration, freePort, freePorts, lastLines, run, start, waitFor };

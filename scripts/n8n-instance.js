// @ts-check
/**
 * Helpers shared by `npm run dev` (scripts/dev.js) and the end-to-end tests (test/e2e/run.js):
 * free loopback ports, the environment n8n runs with, n8n's CLI commands, starting and stopping
 * an n8n server, and the owner login.
 *
 * Every process started here gets its own process group, so stopping it ends its children too
 * (n8n starts a task-runner process of its own).
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const HOST = '127.0.0.1';

/** The id of the sandbox credential; the example workflows refer to it. */
const SANDBOX_CREDENTIAL_ID = 'wooshPaySandbox';

/** The fixed, documented login of local n8n instances made by these scripts. */
const DEV_OWNER = Object.freeze({
	email: 'dev@example.com',
	password: 'WooshPay-dev-1',
	firstName: 'Dev',
	lastName: 'User',
});

/** @returns {Promise<number>} a TCP port that is free on 127.0.0.1 right now */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, HOST, () => {
			const { port } = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * @param {number} count
 * @returns {Promise<number[]>} distinct free ports
 */
async function freePorts(count) {
	/** @type {number[]} */
	const ports = [];
	while (ports.length < count) {
		const port = await freePort();
		if (!ports.includes(port)) ports.push(port);
	}
	return ports;
}

/**
 * The environment for an n8n process: Node 24 first on PATH, everything on loopback, no calls
 * home, the given user folder.
 * @param {import('./n8n-runtime').Runtime} runtime
 * @param {{userFolder: string, port: number, brokerPort: number}} options
 * @returns {NodeJS.ProcessEnv}
 */
function n8nEnv(runtime, { userFolder, port, brokerPort }) {
	/** @type {NodeJS.ProcessEnv} */
	const base = {};
	// Keep the caller's environment, minus npm's per-script variables and any N8N_/DB_ settings
	// of the developer's own n8n, which would change where this instance keeps its data.
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(npm_|N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$)/i.test(key)) continue;
		base[key] = value;
	}
	const env = {
		...base,
		PATH: `${runtime.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_HOST: HOST,
		N8N_LISTEN_ADDRESS: HOST,
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://${HOST}:${port}/`,
		WEBHOOK_URL: `http://${HOST}:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: HOST,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: 'info',
		DB_TYPE: 'sqlite',
		NODE_ENV: 'production',
	};
	return env;
}

/**
 * Ends a process group started with `detached: true`: SIGTERM, then SIGKILL after `graceMs`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} [graceMs]
 * @returns {Promise<void>}
 */
function stopProcessGroup(child, graceMs = 10000) {
	return new Promise((resolve) => {
		if (!child.pid) return resolve();
		const pid = child.pid;
		/** @param {NodeJS.Signals} signal */
		const signalGroup = (signal) => {
			try {
				process.kill(-pid, signal);
				return true;
			} catch {
				return false; // the group is gone
			}
		};
		const groupAlive = () => {
			try {
				process.kill(-pid, 0);
				return true;
			} catch {
				return false;
			}
		};
		if (!signalGroup('SIGTERM')) return resolve();
		const started = Date.now();
		const poll = setInterval(() => {
			if (!groupAlive()) {
				clearInterval(poll);
				resolve();
			} else if (Date.now() - started > graceMs) {
				signalGroup('SIGKILL');
				clearInterval(poll);
				setTimeout(resolve, 200);
			}
		}, 100);
	});
}

/**
 * Ends a process group at once, synchronously (for `process.on('exit')`).
 * @param {import('node:child_process').ChildProcess | undefined} child
 */
function killProcessGroupNow(child) {
	if (!child?.pid) return;
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		// gone already
	}
}

/**
 * Runs a command to its end in a process group of its own, which is ended with it (and on a
 * timeout, or when this process exits first).
 * @param {string} command
 * @param {string[]} args
 * @param {{cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs: number}} options
 * @returns {Promise<{code: number | null, signal: NodeJS.Signals | null, timedOut: boolean, stdout: string, stderr: string}>}
 */
function runToEnd(command, args, options) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.on('data', (c) => (stdout += c));
		child.stderr.on('data', (c) => (stderr += c));
		const onExit = () => killProcessGroupNow(child);
		process.on('exit', onExit);
		const timer = setTimeout(() => {
			timedOut = true;
			void stopProcessGroup(child, 2000);
		}, options.timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			process.off('exit', onExit);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			process.off('exit', onExit);
			// n8n may leave its task runner behind for a moment: end the group.
			killProcessGroupNow(child);
			resolve({ code, signal, timedOut, stdout, stderr });
		});
	});
}

/**
 * Runs one n8n CLI command (import:credentials, execute, ...) to completion.
 * @param {import('./n8n-runtime').Runtime} runtime
 * @param {NodeJS.ProcessEnv} env    from n8nEnv (use a broker port of its own)
 * @param {string[]} args
 * @param {{timeoutMs?: number}} [options]
 * @returns {Promise<{code: number | null, stdout: string, stderr: string}>}
 */
async function runN8nCli(runtime, env, args, options = {}) {
	const timeoutMs = options.timeoutMs ?? 120000;
	const result = await runToEnd(runtime.nodeBin, [runtime.n8nBin, ...args], { env, timeoutMs });
	if (result.timedOut) {
		throw new Error(
			`n8n ${args.join(' ')} did not finish within ${timeoutMs / 1000} s; last output:\n` +
				lastLines(result.stdout + result.stderr, 20),
		);
	}
	return result;
}

/**
 * Like runN8nCli, but rejects unless the command exits 0.
 * @param {import('./n8n-runtime').Runtime} runtime
 * @param {NodeJS.ProcessEnv} env
 * @param {string[]} args
 */
async function runN8nCliOk(runtime, env, args) {
	const result = await runN8nCli(runtime, env, args);
	if (result.code !== 0) {
		throw new Error(
			`n8n ${args.join(' ')} failed with exit code ${result.code}; last output:\n` +
				lastLines(result.stdout + result.stderr, 25),
		);
	}
	return result;
}

/** @param {string} text @param {number} count */
function lastLines(text, count) {
	return text
		.split('\n')
		.filter((l) => l.trim() !== '')
		.slice(-count)
		.map((l) => `  ${l}`)
		.join('\n');
}

/**
 * @typedef {object} N8nServer
 * @property {string} url                  e.g. http://127.0.0.1:5678
 * @property {import('node:child_process').ChildProcess} child
 * @property {() => string} log            everything n8n printed so far
 * @property {() => Promise<void>} stop
 */

/**
 * Starts `n8n start` and waits until the editor is served.
 * @param {import('./n8n-runtime').Runtime} runtime
 * @param {NodeJS.ProcessEnv} env   from n8nEnv
 * @param {{readyTimeoutMs?: number, logFile?: string, echo?: (line: string) => void}} [options]
 * @returns {Promise<N8nServer>}
 */
async function startN8n(runtime, env, options = {}) {
	const readyTimeoutMs = options.readyTimeoutMs ?? 90000;
	const url = `http://${HOST}:${env.N8N_PORT}`;
	const child = spawn(runtime.nodeBin, [runtime.n8nBin, 'start'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const onExit = () => killProcessGroupNow(child);
	process.on('exit', onExit);
	let output = '';
	const logStream = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	/** @param {Buffer} chunk */
	const collect = (chunk) => {
		const text = chunk.toString();
		output += text;
		if (output.length > 2_000_000) output = output.slice(-1_000_000);
		logStream?.write(text);
		if (options.echo) for (const line of text.split('\n')) if (line.trim()) options.echo(line);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	let exited = false;
	child.on('exit', () => {
		exited = true;
	});
	const stop = async () => {
		await stopProcessGroup(child);
		process.off('exit', onExit);
		logStream?.end();
	};
	const started = Date.now();
	for (;;) {
		if (output.includes('Editor is now accessible')) break;
		if (exited) {
			await stop();
			throw new Error(`n8n exited before it was ready; last log lines:\n${lastLines(output, 30)}`);
		}
		if (Date.now() - started > readyTimeoutMs) {
			await stop();
			throw new Error(
				`n8n did not become ready within ${readyTimeoutMs / 1000} s; last log lines:\n${lastLines(output, 30)}`,
			);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	// The log line comes a moment before every route answers: wait for the REST settings too.
	const deadline = Date.now() + 20000;
	for (;;) {
		try {
			const res = await fetch(`${url}/rest/settings`);
			if (res.ok) break;
		} catch {
			// not yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n logged that it is ready, but ${url}/rest/settings did not answer 200 within 20 s`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return { url, child, log: () => output, stop };
}

/**
 * Creates the instance owner, or, when one exists already, checks that the dev login works.
 * @param {string} url
 * @param {{email: string, password: string, firstName: string, lastName: string}} owner
 * @returns {Promise<'created' | 'existed'>}
 */
async function ensureOwner(url, owner) {
	const res = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (res.ok) return 'created';
	const setupAnswer = await res.text();
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (login.ok) return 'existed';
	throw new Error(
		`could not set up the n8n owner (${res.status}: ${setupAnswer.slice(0, 300)}) nor log in as ` +
			`${owner.email} (${login.status}: ${(await login.text()).slice(0, 300)})`,
	);
}

/**
 * Runs a command to completion in its own process group; rejects unless it exits 0.
 * @param {string} command
 * @param {string[]} args
 * @param {{cwd: string, env?: NodeJS.ProcessEnv, timeoutMs?: number}} options
 * @returns {Promise<string>} its standard output
 */
async function runCommand(command, args, options) {
	const timeoutMs = options.timeoutMs ?? 300000;
	const { code, signal, timedOut, stdout, stderr } = await runToEnd(command, args, { ...options, timeoutMs });
	if (code === 0 && !timedOut) return stdout;
	const why = timedOut
		? `did not finish within ${timeoutMs / 1000} s`
		: signal
			? `was stopped (${signal})`
			: `failed with exit code ${code}`;
	throw new Error(`${command} ${args.join(' ')} ${why}; last output:\n${lastLines(stdout + stderr, 25)}`);
}

/** npm's environment without the variables of a surrounding `npm run`. */
function cleanNpmEnv() {
	/** @type {NodeJS.ProcessEnv} */
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key)) env[key] = value;
	}
	return env;
}

/**
 * `npm pack`s the package in `repoDir` (it must be built) into `destDir`.
 * @param {string} repoDir
 * @param {string} destDir
 * @returns {Promise<string>} the tarball's absolute path
 */
async function packPackage(repoDir, destDir) {
	fs.mkdirSync(destDir, { recursive: true });
	const out = await runCommand('npm', ['pack', '--json', '--pack-destination', destDir], {
		cwd: repoDir,
		env: cleanNpmEnv(),
	});
	const [info] = JSON.parse(out.slice(out.indexOf('[')));
	return path.join(destDir, info.filename);
}

/**
 * Installs a packed community package into an n8n user folder the way n8n's own
 * "Install community node" does it (n8n 2.41 CommunityPackagesService.downloadPackage):
 * the tarball is unpacked into <userFolder>/.n8n/nodes/node_modules/<name>, its package.json
 * loses devDependencies, peerDependencies and optionalDependencies, `npm install` runs inside it
 * (for its runtime dependencies, scripts off), and <userFolder>/.n8n/nodes/package.json lists it.
 * An earlier copy is replaced.
 * @param {string} userFolder
 * @param {string} tarball
 * @returns {Promise<{name: string, version: string, dir: string}>}
 */
async function installPackedPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const staging = path.join(nodesDir, `.staging-${process.pid}`);
	fs.rmSync(staging, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	try {
		await runCommand('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1'], { cwd: nodesDir });
		const pkgPath = path.join(staging, 'package.json');
		const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
			fs.readFileSync(pkgPath, 'utf8'),
		);
		fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
		await runCommand(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{ cwd: staging, env: cleanNpmEnv() },
		);
		const dir = path.join(nodesDir, 'node_modules', pkg.name);
		fs.mkdirSync(path.dirname(dir), { recursive: true });
		fs.rmSync(dir, { recursive: true, force: true });
		fs.renameSync(staging, dir);
		const listPath = path.join(nodesDir, 'package.json');
		let list = { name: 'installed-nodes', private: true, dependencies: /** @type {Record<string, string>} */ ({}) };
		if (fs.existsSync(listPath)) list = JSON.parse(fs.readFileSync(listPath, 'utf8'));
		list.dependencies = { ...list.dependencies, [pkg.name]: pkg.version };
		fs.writeFileSync(listPath, JSON.stringify(list, null, 2));
		return { name: pkg.name, version: pkg.version, dir };
	} finally {
		fs.rmSync(staging, { recursive: true, force: true });
	}
}

/**
 * The credential the scripts import: the sandbox key, pointing at the local simulator.
 * @param {string} sandboxUrl
 */
function sandboxCredential(sandboxUrl) {
	return {
		id: SANDBOX_CREDENTIAL_ID,
		name: 'WooshPay sandbox',
		type: 'wooshPayApi',
		data: { secretKey: 'sk_test_sandbox', environment: 'custom', baseUrl: sandboxUrl },
	};
}

module.exports = {
	HOST,
	DEV_OWNER,
	freePort,
	freePorts,
	n8nEnv,
	runN8nCli,
	runN8nCliOk,
	startN8n,
	stopProcessGroup,
	killProcessGroupNow,
	ensureOwner,
	runCommand,
	packPackage,
	installPackedPackage,
	sandboxCredential,
	SANDBOX_CREDENTIAL_ID,
	lastLines,
};

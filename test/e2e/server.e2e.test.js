// @ts-check
'use strict';

/**
 * The packed package in a running n8n server, through its REST API as the owner: the node is
 * loaded as a community node, and the credential's Test button (POST /rest/credentials/test,
 * what the credential dialog calls) runs the credential's test request and rules as n8n runs them.
 */
const { freePort } = require('../../scripts/process');
const { EXPECTED_OPTIONS, EXPECTED_REQUEST_OPTIONS, NODE_TYPE, eachLine, useN8n } = require('./harness');
/** @import { Json } from './harness' */

eachLine('server', (version) => {
	const n8n = useN8n(version, { server: true });
	afterEach(() => n8n.sim.reset());

	test('n8n loads the package as a community node', async () => {
		const types = await n8n.rest('POST', '/rest/node-types', { nodeInfos: [{ name: NODE_TYPE, version: 1 }] });
		// The description's `name` is the node's own name, without the package.
		expect(types.map((/** @type {{ name: string; displayName: string }} */ t) => [t.name, t.displayName])).toEqual([['wooshPay', 'WooshPay']]);
	});

	test("the node as n8n serves it: Options holds the node's own options, Request Options (Settings) n8n's, and no collection names an option twice", async () => {
		const [served] = await n8n.rest('POST', '/rest/node-types', { nodeInfos: [{ name: NODE_TYPE, version: 1 }] });
		/** @type {Json[]} */
		const properties = served.properties;
		/** @param {string} name */
		const collection = (name) => properties.filter((p) => p.name === name).map((p) => ({ displayName: p.displayName, isNodeSetting: p.isNodeSetting ?? false, options: p.options.map((/** @type {Json} */ o) => o.displayName) }));
		expect(collection('options')).toEqual([{ displayName: 'Options', isNodeSetting: false, options: EXPECTED_OPTIONS }]);
		expect(collection('requestOptions')).toEqual([{ displayName: 'Request Options', isNodeSetting: true, options: EXPECTED_REQUEST_OPTIONS }]);
		// Every collection and fixed collection, at any depth: each option's name, and the name it shows, once.
		/** @type {string[]} */
		const twice = [];
		/** @param {Json[]} options @param {string} where */
		const once = (options, where) => {
			for (const key of ['name', 'displayName']) {
				const names = options.map((o) => o[key]);
				for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) twice.push(`${where}: ${key} ${name}`);
			}
		};
		let visited = 0;
		/** @param {Json[]} list @param {string} where */
		const visit = (list, where) => {
			for (const p of list) {
				const here = `${where} → ${p.displayName}`;
				if (p.type === 'collection' || p.type === 'fixedCollection') visited++;
				if (p.type === 'collection') {
					once(p.options, here);
					visit(p.options, here);
				} else if (p.type === 'fixedCollection') {
					once(p.options, here);
					for (const group of p.options) {
						once(group.values, `${here} → ${group.displayName}`);
						visit(group.values, `${here} → ${group.displayName}`);
					}
				}
			}
		};
		visit(properties, 'WooshPay');
		// The walk reached every collection there is.
		const collections = JSON.stringify(properties).match(/"type":"(fixedC|c)ollection"/g) ?? [];
		expect({ visited, greaterThan50: visited > 50 }).toEqual({ visited: collections.length, greaterThan50: true });
		expect(twice).toEqual([]);
	});

	/**
	 * Saves a credential as the dialog's Save does, then presses its Test button.
	 * @param {Record<string, string>} data
	 */
	const testCredential = async (data) => {
		const saved = await n8n.rest('POST', '/rest/credentials', { name: `WooshPay ${data.secretKey}`, type: 'wooshPayApi', data });
		const result = await n8n.rest('POST', '/rest/credentials/test', { credentials: { id: saved.id, name: saved.name, type: 'wooshPayApi', data } });
		expect(JSON.stringify(result)).not.toContain(data.secretKey);
		return result;
	};
	/** What reached the sandbox, once each (n8n 2.41 sends the test request again after a 401). */
	const received = () => [...new Set(n8n.sim.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`))];
	/** @param {string} key */
	const basic = (key) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
	// n8n 1.x applies a credential test's rules only to errors that carry the HTTP response, which
	// its RoutingNode does not pass on: it shows its own words for a 401 and a refused connection.
	const n8n1 = version.startsWith('1.');
	const rejected = n8n1
		? 'Authorization failed - please check your credentials'
		: 'WooshPay did not accept this secret key. Check the key, and that the Environment fits it: sk_test_ keys belong to Test, sk_live_ keys to Live.';

	test('Test with a good key: GET /v1/balance with the key, "Connection successful!"', async () => {
		const result = await testCredential({ secretKey: 'sk_test_sandbox', environment: 'custom', baseUrl: `${n8n.sim.url}/` });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(n8n.sim.requests).toHaveLength(1);
		expect(received()).toEqual([`GET /v1/balance ${basic('sk_test_sandbox')}`]);
	});

	test(`Test with a wrong key: "${rejected}"`, async () => {
		const result = await testCredential({ secretKey: 'sk_test_mistyped', environment: 'custom', baseUrl: n8n.sim.url });
		expect(result).toEqual({ status: 'Error', message: rejected });
		expect(received()).toEqual([`GET /v1/balance ${basic('sk_test_mistyped')}`]);
	});

	// WooshPay's Test host is out of reach here: the sandbox stands in for it, accepting test keys only, as the Test host does.
	test('Test with a live key on the Test host: rejected, and (n8n 2.x) told which environment a live key belongs to', async () => {
		const result = await testCredential({ secretKey: 'sk_live_realkey', environment: 'custom', baseUrl: n8n.sim.url });
		expect(result).toEqual({ status: 'Error', message: rejected });
		expect(received()).toEqual([`GET /v1/balance ${basic('sk_live_realkey')}`]);
	});

	test('Test with a host that does not answer: the refused connection is reported', async () => {
		const result = await testCredential({ secretKey: 'sk_test_sandbox', environment: 'custom', baseUrl: `http://127.0.0.1:${await freePort()}` });
		expect(result).toEqual({ status: 'Error', message: n8n1 ? 'The service refused the connection - perhaps it is offline' : 'ECONNREFUSED' });
	});
});

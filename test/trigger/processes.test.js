// @ts-check
'use strict';

/** @import { IDataObject, INodeExecutionData, ITaskDataConnections } from 'n8n-workflow' */

/** @import { TriggerHarness } from '../harness/trigger' */
const { endpointsAt, signature, useTriggerSimulator } = require('./fixtures');

/**
 * One workflow in several n8n processes (queue mode: main and webhook processors receive
 * deliveries, workers run the executions; or several mains): each harness is a process with its
 * own URL and its own memory of events, and all share the workflow's static data and n8n's store
 * of processed data (test/harness/processed-data.js, not atomic, as n8n's table is not). The same
 * signed event delivered to two processes must make the workflow run once; a repeat's execution
 * stops at the trigger with no output.
 */
const t = useTriggerSimulator();

/** @param {string} id @param {string} [type] */
const eventOf = (id, type = 'payment_intent.succeeded') => ({
	id,
	object: 'event',
	api_version: '1.0.1',
	created: 1754626531,
	data: { object: { id: `pi_${id.slice(4)}`, object: 'payment_intent', amount: 2000, currency: 'usd', status: 'succeeded', created: 1754626530 } },
	livemode: false,
	pending_webhooks: 1,
	type,
});
const EVENT = eventOf('evt_1953671389605003264');
const OTHER = eventOf('evt_1953671389605003265');
const OUTPUT = { ...EVENT, created_iso: '2025-08-08T04:15:31.000Z' };
const OTHER_OUTPUT = { ...OTHER, created_iso: '2025-08-08T04:15:31.000Z' };

/** The answer n8n gives a delivery that started a run (responseMode "onReceived"). */
const STARTED = { status: 200, body: 'firstEntryJson' };

/**
 * The published workflow in a first process (main) and a second one (a webhook processor).
 * @param {IDataObject} [options] The trigger's Options.
 */
async function twoProcesses(options = {}) {
	const main = await t.harness({ parameters: { events: ['payment_intent.succeeded'], options } });
	await main.publish();
	const webhook = await main.otherProcess();
	const [endpoint] = endpointsAt(t.sim);
	/**
	 * Delivers the event, signed with the endpoint's secret, to the process.
	 * @param {TriggerHarness} h
	 * @param {IDataObject} event
	 */
	const deliver = async (h, event) => {
		const body = JSON.stringify(event);
		return await h.deliver(body, { 'Wooshpay-Signature': signature(endpoint.secret, body) });
	};
	return { main, webhook, deliver };
}

/**
 * What each run the process started output at the trigger (empty for a repeat).
 * @param {TriggerHarness} h
 * @returns {Promise<IDataObject[][]>}
 */
async function outputs(h) {
	await h.idle();
	return h.runs.map((run) => {
		expect(run.status).toBe('success');
		const data = /** @type {ITaskDataConnections} */ (run.data.resultData.runData['WooshPay Trigger'][0].data);
		return /** @type {INodeExecutionData[]} */ (data.main[0]).map((item) => item.json);
	});
}

/**
 * The runs of all processes that output the event: the workflow's runs.
 * @param {...TriggerHarness} processes
 */
async function withOutput(...processes) {
	return (await Promise.all(processes.map(outputs))).flat().filter((items) => items.length > 0);
}

describe('the same signed event delivered to two processes runs the workflow once', () => {
	test.each([
		['main first, then the webhook processor', false],
		['the webhook processor first, then main', true],
	])('one after the other: %s', async (_case, webhookFirst) => {
		const { main, webhook, deliver } = await twoProcesses();
		const [first, second] = webhookFirst ? [webhook, main] : [main, webhook];
		expect(await deliver(first, EVENT)).toEqual(STARTED);
		await first.idle();
		// The second process has not seen the event: its webhook starts a run, whose claim finds
		// the event in n8n's store, so the execution stops at the trigger.
		expect(await deliver(second, EVENT)).toEqual(STARTED);
		expect(await outputs(first)).toEqual([[OUTPUT]]);
		expect(await outputs(second)).toEqual([[]]);
		// The repeat's run has recorded it in its process's memory: the next delivery there starts nothing.
		expect(await deliver(second, EVENT)).toEqual({
			status: 200,
			body: { received: true, started: false, reason: `The event ${EVENT.id} was received before` },
		});
		expect(await outputs(second)).toEqual([[]]);
	});

	test('at once, as the node’s first claims: both insert its row, the database refuses the second', async () => {
		const { main, webhook, deliver } = await twoProcesses();
		const racing = main.store.race(2);
		const answers = await Promise.all([deliver(main, EVENT), deliver(webhook, EVENT)]);
		await racing;
		expect(answers).toEqual([STARTED, STARTED]);
		expect(await withOutput(main, webhook)).toEqual([[OUTPUT]]);
		expect(main.runs.length + webhook.runs.length).toBe(2);
		expect(main.store.holds(main.workflowId, 'trigger', EVENT.id)).toBe(true);
	});

	test.each([2, 3])('at once in %i processes: every claim reads the row before any writes, the last write replaces the others', async (count) => {
		const { main, webhook, deliver } = await twoProcesses();
		// An earlier event, so that the node's row exists and the claims update it.
		await deliver(main, OTHER);
		await main.idle();
		const processes = count === 2 ? [main, webhook] : [main, webhook, await main.otherProcess()];
		const racing = main.store.race(count);
		const answers = await Promise.all(processes.map(async (h) => await deliver(h, EVENT)));
		await racing;
		expect(answers).toEqual(processes.map(() => STARTED));
		expect(await withOutput(...processes)).toEqual([[OTHER_OUTPUT], [OUTPUT]]);
		expect(processes.map((h) => h.runs.length)).toEqual([2, ...processes.slice(1).map(() => 1)]);
	});
});

describe('what else holds across processes', () => {
	test('two different events at once in two processes: each runs once, though one claim replaced the other', async () => {
		const { main, webhook, deliver } = await twoProcesses();
		await deliver(main, eventOf('evt_1953671389605003260'));
		await main.idle();
		const racing = main.store.race(2);
		await Promise.all([deliver(main, EVENT), deliver(webhook, OTHER)]);
		await racing;
		const [, fromMain] = await outputs(main);
		expect([fromMain, ...(await outputs(webhook))]).toEqual([[OUTPUT], [OTHER_OUTPUT]]);
		expect(main.store.holds(main.workflowId, 'trigger', EVENT.id)).toBe(true);
		expect(main.store.holds(main.workflowId, 'trigger', OTHER.id)).toBe(true);
	});

	test('two different events at once as the node’s first claims: each runs once', async () => {
		const { main, webhook, deliver } = await twoProcesses();
		const racing = main.store.race(2);
		await Promise.all([deliver(main, EVENT), deliver(webhook, OTHER)]);
		await racing;
		expect([...(await outputs(main)), ...(await outputs(webhook))]).toEqual([[OUTPUT], [OTHER_OUTPUT]]);
	});

	test('Skip Repeated Events off: every delivery runs, and n8n’s store is not used', async () => {
		const { main, webhook, deliver } = await twoProcesses({ skipRepeated: false });
		for (const h of [main, webhook, main]) expect(await deliver(h, EVENT)).toEqual(STARTED);
		expect([...(await outputs(main)), ...(await outputs(webhook))]).toEqual([[OUTPUT], [OUTPUT], [OUTPUT]]);
		expect(main.store.calls).toBe(0);
	});

	test('n8n’s store failing: the event still runs (each process then keeps only its own memory)', async () => {
		const { main, webhook, deliver } = await twoProcesses();
		main.store.failing = true;
		expect(await deliver(main, EVENT)).toEqual(STARTED);
		expect(await outputs(main)).toEqual([[OUTPUT]]);
		expect(main.store.calls).toBeGreaterThan(0);
		// Without the store nothing is shared: the other process runs it too. Its own repeat it refuses.
		expect(await deliver(webhook, EVENT)).toEqual(STARTED);
		expect(await deliver(main, EVENT)).toMatchObject({ status: 200, body: { started: false } });
		expect(await outputs(webhook)).toEqual([[OUTPUT]]);
		expect(await outputs(main)).toEqual([[OUTPUT]]);
	});

	test.each([
		['signed with another secret', { 'Wooshpay-Signature': signature('whsec_not_the_endpoints', JSON.stringify(EVENT)) }],
		['unsigned', {}],
	])('a delivery %s, to both processes: 401, no run, nothing recorded', async (_case, headers) => {
		const { main, webhook } = await twoProcesses();
		for (const h of [main, webhook]) expect((await h.deliver(JSON.stringify(EVENT), headers)).status).toBe(401);
		expect([...(await outputs(main)), ...(await outputs(webhook))]).toEqual([]);
		expect(main.store.calls).toBe(0);
	});

	test('a test run ("Listen for test event") stays out of n8n’s store: the published workflow still runs the event', async () => {
		const { main, webhook, deliver } = await twoProcesses();
		await main.publish('test');
		const testSecret = /** @type {{ secret: string }} */ (endpointsAt(t.sim).find((e) => e.url === main.testUrl)).secret;
		const body = JSON.stringify(EVENT);
		expect(await main.deliver(body, { 'Wooshpay-Signature': signature(testSecret, body) }, 'test')).toEqual(STARTED);
		expect(await outputs(main)).toEqual([[OUTPUT]]);
		expect(main.store.calls).toBe(0);
		expect(await deliver(webhook, EVENT)).toEqual(STARTED);
		expect(await outputs(webhook)).toEqual([[OUTPUT]]);
	});
});

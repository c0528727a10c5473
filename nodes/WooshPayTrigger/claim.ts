import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { MAX_EVENTS_PER_TRIGGER, recordOnce, triggerOf } from './dedup';
import { isObject } from './delivery';
import { toSeconds } from './signature';

/**
 * The start of a run: the trigger's execute(), which claims each event for this run, so that
 * an event starts the workflow once across all n8n processes (queue mode: main, webhook
 * processors and workers; or several mains), and shapes the event into the trigger's output.
 *
 * Why execute(): n8n's WorkflowExecute.runNode calls a node's execute() whenever it has one,
 * also for the webhook node that starts a run, with the webhook's output as input (n8n-core
 * 2.41 and 1.x alike). It is the only place of a webhook-started run that has n8n's shared
 * store of processed data (this.helpers.checkProcessedAndRecord, the processed_data table,
 * one for all processes in queue mode): a webhook's context has no such helper, and a change
 * a webhook makes to static data is not saved when the delivery starts a run (dedup.ts). It
 * runs where the execution runs (a worker in queue mode), once the run has started: an event
 * is remembered only by a run that started with it, so a delivery whose run never started is
 * not refused when WooshPay sends it again.
 *
 * n8n's store is not atomic: checkProcessedAndRecord reads the node's list of entries, adds
 * the new ones and writes the whole list back, so two claims at the same moment may both find
 * the event new, and the later write replaces the earlier one. So each run records the event
 * ID and a marker of its own (`<event ID>#<execution ID>`), waits SETTLE_MS for writes under
 * way to land, and asks again:
 *
 * - its marker is there: the claim stands, this run goes on;
 * - the event ID is there but not its marker: another run's claim of the same event replaced
 *   this one's; that run goes on, this one is the repeat and outputs nothing (the execution
 *   ends at the trigger);
 * - neither: a claim of another event at the same moment replaced the list; the question has
 *   recorded both again, so the run waits and asks again (at most MAX_ROUNDS times, then it
 *   goes on: rather twice than lost).
 *
 * A repeat is decided only on seeing the event ID, which only claims of this event write, and
 * a claim of another event replacing the list makes a run claim again, not stop; when the store
 * fails or is missing (an n8n without it), the run goes on with this process's memory alone.
 * What the wait cannot promise: a write that lands more than SETTLE_MS after its read can let
 * two runs both go on, or, with a third claim at that moment that copies an older list back,
 * make both runs of the event stop.
 */

/** How long a claim waits for other writes under way before it asks whether it stands. */
export const SETTLE_MS = 500;
/** How many times a claim asks again when a claim of another event replaced it. */
export const MAX_ROUNDS = 3;
/** Two entries per event (its ID, the marker of the run that claimed it): the last events. */
const STORE_OPTIONS = { mode: 'entries', maxEntries: 2 * MAX_EVENTS_PER_TRIGGER } as const;

interface Options {
	onlyObject?: boolean;
	skipRepeated?: boolean;
}

/**
 * `created` as an ISO date beside it: WooshPay documents seconds, and its own examples show
 * milliseconds; both are read (see toSeconds).
 */
function withIsoDate(object: IDataObject): IDataObject {
	const created = object.created;
	if (typeof created !== 'number' || !Number.isFinite(created)) return object;
	const date = new Date(toSeconds(created) * 1000);
	return Number.isNaN(date.getTime()) ? object : { ...object, created_iso: date.toISOString() };
}

/** The trigger's output for an event: the event, or its data.object, with `created_iso` added. */
function shaped(event: IDataObject, onlyObject: boolean | undefined): IDataObject {
	const data = isObject(event.data) ? event.data : undefined;
	return withIsoDate(onlyObject && isObject(data?.object) ? data.object : event);
}

/**
 * Records the keys in n8n's store; answers which of them were there before, or undefined when
 * the store cannot be used. Tried twice: the first record of a node inserts its row, and of two
 * inserts at the same moment the database refuses the second (its key exists); the row is then
 * there and the second try updates it.
 */
async function record(context: IExecuteFunctions, keys: string[]): Promise<Set<string> | undefined> {
	if (typeof context.helpers.checkProcessedAndRecord !== 'function') return undefined;
	let failure: unknown;
	for (let attempt = 1; attempt <= 2; attempt++) {
		try {
			const answer = await context.helpers.checkProcessedAndRecord(keys, 'node', STORE_OPTIONS);
			return new Set(answer.processed.map(String));
		} catch (error) {
			failure = error;
		}
	}
	context.logger.warn(`WooshPay Trigger could not use n8n's store of processed events (${(failure as Error)?.message ?? String(failure)}); this process's memory alone decides whether the event is a repeat`, {
		workflowId: context.getWorkflow().id,
		node: context.getNode().name,
	});
	return undefined;
}

/** Whether this run is the one that goes on with the event, by n8n's shared store. */
async function claimShared(context: IExecuteFunctions, eventId: string): Promise<boolean> {
	const executionId = context.getExecutionId();
	// Without an execution ID there is no marker of this run's own: memory alone decides.
	if (!executionId) return true;
	const keys = [eventId, `${eventId}#${executionId}`];
	let before = await record(context, keys);
	if (!before) return true;
	// Another run claimed the event earlier (a marker of this run cannot be there yet).
	if (before.has(eventId)) return false;
	for (let round = 1; round <= MAX_ROUNDS; round++) {
		await sleep(SETTLE_MS);
		before = await record(context, keys);
		if (!before || before.has(keys[1])) return true;
		if (before.has(eventId)) return false;
	}
	return true;
}

/**
 * The trigger's execute(): the items the webhook output (the events), each claimed for this
 * run unless Skip Repeated Events is off; the repeats are left out.
 */
export async function startRun(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = this.getNode();
	const mode = this.getMode();
	const output: INodeExecutionData[] = [];
	for (let index = 0; index < items.length; index++) {
		const event = items[index].json;
		const options = this.getNodeParameter('options', index, {}) as Options;
		if (options.skipRepeated !== false && typeof event.id === 'string') {
			const first =
				recordOnce(triggerOf(this.getWorkflow().id, node.id, mode), event.id) &&
				// A test run ("Listen for test event") stays out of the store, which n8n keeps per
				// workflow and node, not per mode: a test event must not make the published
				// workflow's delivery of the same event a repeat. Test runs run in the process that
				// listens, whose memory holds them.
				(mode === 'manual' || (await claimShared(this, event.id)));
			if (!first) {
				this.logger.info(`WooshPay Trigger: the event ${event.id} started another run before; this run outputs nothing`, {
					workflowId: this.getWorkflow().id,
					node: node.name,
					executionId: this.getExecutionId(),
				});
				continue;
			}
		}
		output.push({ json: shaped(event, options.onlyObject), pairedItem: { item: index } });
	}
	return [output];
}

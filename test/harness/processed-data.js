// @ts-check
'use strict';

/**
 * n8n's store of processed data (the processed_data table, one for all processes in queue mode)
 * in memory, as n8n-core uses it: n8n's server hands n8n-core a deduplicator
 * (DataDeduplicationService.init(deduplicator), packages/cli/src/deduplication/index.ts), and
 * the helpers of an execute context (this.helpers.checkProcessedAndRecord, n8n-core's
 * deduplication-helper-functions.js) call it with the workflow and the node.
 *
 * Each ProcessedDataStore does what n8n's DeduplicationHelper
 * (packages/cli/src/deduplication/deduplication-helper.ts) does with the table, in its order: a
 * call reads the row of the workflow and node, adds the new entries (md5 hashes, the oldest
 * dropped past maxEntries) and writes the whole row back; the first call for a node inserts
 * the row, and an insert of a row that exists by then fails as PostgreSQL's unique key does.
 * Not atomic, as there: `race(n)` makes the next n calls all read before any of them writes
 * (each then writes what it read plus its own entries, in the order they called, so the last
 * one's write replaces the others'), the interleaving of claims at the same moment in
 * several processes. `failing` makes every call throw, as a database that cannot be reached.
 */
const { createHash } = require('node:crypto');

const { DataDeduplicationService } = require('n8n-core');
/**
 * @import {
 *   DeduplicationItemTypes,
 *   DeduplicationScope,
 *   ICheckProcessedContextData,
 *   ICheckProcessedOptions,
 *   IDataDeduplicator,
 *   IDeduplicationOutput,
 * } from 'n8n-workflow'
 */

/** @typedef {{ mode: string; data: string[] }} Row */

/** @param {DeduplicationItemTypes} value @returns {string} */
const hashOf = (value) => createHash('md5').update(value.toString()).digest('base64');

/** @param {DeduplicationScope} scope @param {ICheckProcessedContextData} contextData @returns {string} */
function rowKey(scope, contextData) {
	if (scope === 'node' && !contextData.node) throw new Error("No node information has been provided and so cannot use scope 'node'");
	return `${contextData.workflow.id ?? ''}|${scope === 'node' ? `n:${contextData.node?.id}` : ''}`;
}

/** @implements {IDataDeduplicator} */
class ProcessedDataStore {
	/** @private @readonly @type {Map<string, Row>} */
	rows = new Map();

	/** Every call throws while true. */
	failing = false;

	/** How many times checkProcessedAndRecord was called. */
	calls = 0;

	/**
	 * @private
	 * @type {{ left: number; allRead: Promise<void>; open: () => void } | undefined}
	 */
	racing;

	/**
	 * The next `count` calls of checkProcessedAndRecord all read the row before any of them
	 * writes. Resolves once they have all read.
	 * @param {number} count
	 * @returns {Promise<void>}
	 */
	race(count) {
		/** @type {() => void} */
		let open = () => {};
		const allRead = new Promise((resolve) => {
			open = () => resolve(undefined);
		});
		this.racing = { left: count, allRead: /** @type {Promise<void>} */ (allRead), open };
		return /** @type {Promise<void>} */ (allRead);
	}

	/**
	 * Whether the node's row holds the value (as n8n keeps it: hashed).
	 * @param {string} workflowId
	 * @param {string} nodeId
	 * @param {string} value
	 * @returns {boolean}
	 */
	holds(workflowId, nodeId, value) {
		return this.rows.get(`${workflowId}|n:${nodeId}`)?.data.includes(hashOf(value)) === true;
	}

	/**
	 * @param {DeduplicationItemTypes[]} items
	 * @param {DeduplicationScope} scope
	 * @param {ICheckProcessedContextData} contextData
	 * @param {ICheckProcessedOptions} options
	 * @returns {Promise<IDeduplicationOutput>}
	 */
	async checkProcessedAndRecord(items, scope, contextData, options) {
		this.calls++;
		if (this.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
		if (options.mode !== 'entries') throw new Error('only mode "entries" is kept here');
		const key = rowKey(scope, contextData);
		// The read: a copy of the row as the database answered it.
		const stored = this.rows.get(key);
		/** @type {Row | undefined} */
		const row = stored && { mode: stored.mode, data: [...stored.data] };
		const race = this.racing;
		if (race) {
			race.left--;
			if (race.left === 0) {
				this.racing = undefined;
				race.open();
			}
			await race.allRead;
		}
		if (row && row.mode !== options.mode) throw new Error('Deduplication data was originally saved with an incompatible setting');
		const hashed = items.map(hashOf);
		/** @type {IDeduplicationOutput} */
		const output = { new: [], processed: [] };
		const data = row ? row.data : [];
		hashed.forEach((hash, index) => {
			if (row?.data.includes(hash)) {
				output.processed.push(items[index]);
			} else {
				output.new.push(items[index]);
				data.push(hash);
			}
		});
		if (options.maxEntries) data.splice(0, Math.max(0, data.length - options.maxEntries));
		// The write: an insert when the read found no row, otherwise the whole row replaced.
		if (!row && this.rows.has(key)) throw new Error('duplicate key value violates unique constraint "PK_processed_data"');
		this.rows.set(key, { mode: options.mode, data });
		return output;
	}

	/**
	 * @param {DeduplicationItemTypes[]} items
	 * @param {DeduplicationScope} scope
	 * @param {ICheckProcessedContextData} contextData
	 * @returns {Promise<void>}
	 */
	async removeProcessed(items, scope, contextData) {
		if (this.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
		const row = this.rows.get(rowKey(scope, contextData));
		if (!row) return;
		const hashed = new Set(items.map(hashOf));
		row.data = row.data.filter((hash) => !hashed.has(hash));
	}

	/**
	 * @param {DeduplicationScope} scope
	 * @param {ICheckProcessedContextData} contextData
	 * @returns {Promise<void>}
	 */
	async clearAllProcessedItems(scope, contextData) {
		if (this.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
		this.rows.delete(rowKey(scope, contextData));
	}

	/**
	 * @param {DeduplicationScope} scope
	 * @param {ICheckProcessedContextData} contextData
	 * @returns {Promise<number>}
	 */
	async getProcessedDataCount(scope, contextData) {
		if (this.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
		return this.rows.get(rowKey(scope, contextData))?.data.length ?? 0;
	}
}

/**
 * The store of each workflow (by its ID): n8n-core's DataDeduplicationService takes one
 * deduplicator per process, for good; the tests' workflows each have a store of their own.
 * @type {Map<string, ProcessedDataStore>}
 */
const stores = new Map();

/**
 * @param {ICheckProcessedContextData} contextData
 * @returns {ProcessedDataStore}
 */
function storeOf(contextData) {
	const store = stores.get(String(contextData.workflow.id));
	if (!store) throw new Error(`no store of processed data for the workflow ${contextData.workflow.id}`);
	return store;
}

/** @type {IDataDeduplicator} */
const byWorkflow = {
	checkProcessedAndRecord: async (items, scope, contextData, options) => await storeOf(contextData).checkProcessedAndRecord(items, scope, contextData, options),
	removeProcessed: async (items, scope, contextData) => await storeOf(contextData).removeProcessed(items, scope, contextData),
	clearAllProcessedItems: async (scope, contextData) => await storeOf(contextData).clearAllProcessedItems(scope, contextData),
	getProcessedDataCount: async (scope, contextData) => await storeOf(contextData).getProcessedDataCount(scope, contextData),
};

/** @type {Promise<void> | undefined} */
let initialized;

/**
 * Makes `store` the store of processed data of the workflow, for the helpers n8n-core gives an
 * execute context.
 * @param {string} workflowId
 * @param {ProcessedDataStore} store
 * @returns {Promise<void>}
 */
async function useStore(workflowId, store) {
	// Once per process, also when harnesses start side by side.
	initialized ??= DataDeduplicationService.init(byWorkflow);
	await initialized;
	stores.set(workflowId, store);
}

module.exports = { ProcessedDataStore, useStore };

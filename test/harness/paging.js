// @ts-check
'use strict';

const { expectRequest } = require('./fixtures');
/** @import { IDataObject } from 'n8n-workflow' */
/** @import { Simulator } from './fixtures' */
/** @import { RunOptions, RunResult } from './engine' */

/**
 * The paging tests of a Get Many, against a simulator whose pages hold two objects
 * (`useSimulator({ maxPageSize: 2 })`) and that has five objects to list: Return All follows
 * `has_more` and `starting_after` over three pages, each object one output item paired with the
 * input; Limit fetches no page more than it needs. Call it inside the Get Many's describe block.
 * @param {object} list
 * @param {{ sim: Simulator; run: (parameters: IDataObject, extra?: Partial<RunOptions>) => Promise<RunResult> }} list.paged the paged simulator of the block
 * @param {(extra: IDataObject) => IDataObject} list.parameters the operation's parameters, with Return All or Limit added
 * @param {string} list.path the list endpoint, such as /v1/disputes/list
 * @param {() => string[]} list.newestFirst the IDs of the objects listed, in WooshPay's order
 * @param {(id: string) => IDataObject} list.stored the object as the simulator holds it
 */
function pagingTests({ paged, parameters, path, newestFirst, stored }) {
	test(`Return All: GET ${path}, three pages of two, following has_more and starting_after; each object one item`, async () => {
		const ids = newestFirst();
		expect(ids).toHaveLength(5);
		const result = await paged.run(parameters({ returnAll: true }));
		expect(result.output).toEqual(ids.map((id) => ({ json: stored(id), pairedItem: { item: 0 } })));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', starting_after: ids[1] },
			{ limit: '100', starting_after: ids[3] },
		]);
		for (const request of paged.sim.requests) {
			expectRequest(request, { method: 'GET', path, body: undefined, query: request.query });
			expect(request.headers['idempotency-key']).toBeUndefined();
		}
	});

	test('Limit: no page more than needed (3 of 5: two pages, the second asking for one; 2: one page)', async () => {
		const ids = newestFirst();
		const result = await paged.run(parameters({ returnAll: false, limit: 3 }));
		expect(result.output.map((o) => o.json.id)).toEqual(ids.slice(0, 3));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '3' }, { limit: '1', starting_after: ids[1] }]);
		paged.sim.reset();
		const two = await paged.run(parameters({ returnAll: false, limit: 2 }));
		expect(two.output.map((o) => o.json.id)).toEqual(ids.slice(0, 2));
		expect(paged.sim.requests.map((r) => r.query)).toEqual([{ limit: '2' }]);
	});
}

module.exports = { pagingTests };

import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { ListSearch } from './searchList';
import { money, searchList, shortDate } from './searchList';

interface Dispute {
	id: string;
	amount?: number;
	currency?: string;
	reason?: string | null;
	status?: string;
	created?: number | string;
}

const disputes: ListSearch<Dispute> = {
	url: '/v1/disputes/list',
	name: (d) => [money(d.amount, d.currency), d.reason, d.status, shortDate(d.created)].filter(Boolean).join(' · ') || d.id,
	searchIn: (d) => [d.reason, d.status],
};

/**
 * Disputes for the "From List" mode of the Dispute field: amount, reason, status and when. A
 * search term filters the page by reason, status or ID.
 */
export async function searchDisputes(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchList.call(this, disputes, filter, paginationToken);
}

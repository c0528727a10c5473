import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { ListSearch } from './searchList';
import { searchList, unlessUsual } from './searchList';

interface Cardholder {
	id: string;
	name?: string | null;
	email?: string | null;
	status?: string;
}

const cardholders: ListSearch<Cardholder> = {
	url: '/v1/issuing/cardholders',
	name: (c) => `${c.name ?? c.email ?? c.id}${unlessUsual(c.status, 'active')}`,
	searchIn: (c) => [c.name, c.email],
	serverFilter: (term) => (/^[^\s@]+@[^\s@]+$/.test(term) ? { email: term } : undefined),
};

/**
 * Cardholders for the "From List" mode of the Cardholder fields. A search term that is an
 * email address is passed to WooshPay's `email` filter; any other term filters the page by
 * name, email or ID.
 */
export async function searchCardholders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(this, cardholders, filter, paginationToken);
}

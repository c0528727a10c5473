import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { ListSearch } from './searchList';
import { money, searchList, shortDate } from './searchList';

interface Authorization {
	id: string;
	amount?: number;
	currency?: string;
	created?: number | string;
	approved?: boolean;
	card?: { last4?: string | null } | string | null;
	merchant_data?: { name?: string | null } | null;
}

const last4 = (a: Authorization) => (typeof a.card === 'object' ? a.card?.last4 : undefined);

const authorizations: ListSearch<Authorization> = {
	url: '/v1/issuing/authorizations',
	name: (a) =>
		[money(a.amount, a.currency), a.merchant_data?.name, last4(a) && `···· ${last4(a)}`, a.approved === false && 'declined', shortDate(a.created)]
			.filter(Boolean)
			.join(' · ') || a.id,
	searchIn: (a) => [a.merchant_data?.name, last4(a)],
};

/**
 * Authorizations for the "From List" mode of the Authorization field: amount, merchant, card,
 * whether it was declined, and when. A search term filters the page by merchant, last four
 * digits or ID.
 */
export async function searchAuthorizations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(this, authorizations, filter, paginationToken);
}

import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { ListSearch } from './searchList';
import { money, searchList, shortDate } from './searchList';

interface Transaction {
	id: string;
	amount?: number;
	currency?: string;
	created?: number | string;
	type?: string;
	merchant_data?: { name?: string | null } | null;
}

const transactions: ListSearch<Transaction> = {
	url: '/v1/issuing/transactions',
	name: (t) =>
		[t.type === 'refund' ? 'Refund' : undefined, money(t.amount, t.currency), t.merchant_data?.name, shortDate(t.created)]
			.filter(Boolean)
			.join(' · ') || t.id,
	searchIn: (t) => [t.merchant_data?.name],
};

/**
 * Transactions for the "From List" mode of the Transaction field: amount, merchant and
 * when (refunds marked). A search term filters the page by merchant or ID.
 */
export async function searchTransactions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(this, transactions, filter, paginationToken);
}

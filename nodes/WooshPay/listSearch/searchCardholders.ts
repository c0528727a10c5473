import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { baseOptions, wooshPayRequest } from '../shared/transport';

const PAGE_SIZE = 50;

interface Cardholder {
	id: string;
	name?: string | null;
	email?: string | null;
	status?: string;
}

/**
 * Cardholders for the "From List" mode of the Cardholder field, newest first, a page at a
 * time as the user scrolls. A search term that is an email address is passed to WooshPay's
 * `email` filter; any other term filters the page by name, email or ID.
 */
export async function searchCardholders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = filter?.trim() ?? '';
	const qs: IDataObject = { limit: PAGE_SIZE };
	if (paginationToken) qs.starting_after = paginationToken;
	const byEmail = /^[^\s@]+@[^\s@]+$/.test(term);
	if (byEmail) qs.email = term;
	const page = (await wooshPayRequest.call(this, {
		...(await baseOptions.call(this)),
		method: 'GET',
		url: '/v1/issuing/cardholders',
		qs,
	})) as { data?: Cardholder[]; has_more?: boolean };
	const data = page.data ?? [];
	const needle = term.toLowerCase();
	const matches = byEmail || !needle
		? data
		: data.filter((c) => [c.name, c.email, c.id].some((v) => typeof v === 'string' && v.toLowerCase().includes(needle)));
	return {
		results: matches.map((c) => ({
			name: `${c.name ?? c.email ?? c.id}${c.status && c.status !== 'active' ? ` (${c.status})` : ''}`,
			value: c.id,
		})),
		paginationToken: page.has_more && data.length ? data[data.length - 1].id : undefined,
	};
}

import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { wooshPayRequest } from '../shared/transport';

const PAGE_SIZE = 50;

export interface ListedObject {
	id: string;
}

/** What a list search needs to know about one kind of object. */
export interface ListSearch<T extends ListedObject> {
	/** The list endpoint, such as /v1/issuing/cards. */
	url: string;
	/** The object as the list shows it. */
	name: (object: T) => string;
	/** The texts a search term is looked for in (case-insensitive), besides the ID. */
	searchIn: (object: T) => unknown[];
	/** Query parameters that let WooshPay do the search for some terms (then nothing is filtered here). */
	serverFilter?: (term: string) => IDataObject | undefined;
}

/**
 * One page of objects for a "From List" field, newest first, a page at a time as the user
 * scrolls. WooshPay's lists have no text search, so a term filters the page here (by the
 * object's ID and the texts `searchIn` gives), unless `serverFilter` hands it to WooshPay.
 */
export async function searchList<T extends ListedObject>(
	this: ILoadOptionsFunctions,
	search: ListSearch<T>,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = filter?.trim() ?? '';
	const server = term ? search.serverFilter?.(term) : undefined;
	const qs: IDataObject = { limit: PAGE_SIZE, ...server };
	if (paginationToken) qs.starting_after = paginationToken;
	const page = (await wooshPayRequest.call(this, { method: 'GET', url: search.url, qs })) as { data?: T[]; has_more?: boolean };
	const data = page.data ?? [];
	const needle = term.toLowerCase();
	const matches =
		server || !needle
			? data
			: data.filter((object) =>
					[object.id, ...search.searchIn(object)].some((v) => typeof v === 'string' && v.toLowerCase().includes(needle)),
				);
	return {
		results: matches.map((object) => ({ name: search.name(object), value: object.id })),
		paginationToken: page.has_more && data.length ? data[data.length - 1].id : undefined,
	};
}

/** An amount in the currency's smallest unit as people read it: 1250 and "usd" give "12.50 USD". */
export function money(amount: unknown, currency: unknown): string {
	if (typeof amount !== 'number') return '';
	const code = typeof currency === 'string' ? currency.toUpperCase() : '';
	let digits = 2;
	try {
		digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
	} catch {
		// Not a currency code Intl knows: two decimals, as most currencies have.
	}
	return `${(amount / 10 ** digits).toFixed(digits)} ${code}`.trim();
}

/** " (inactive)" after a name when the status is not the usual one. */
export function unlessUsual(status: unknown, usual: string): string {
	return typeof status === 'string' && status !== usual ? ` (${status})` : '';
}

/**
 * When an object was created, in UTC to the minute. WooshPay documents Unix seconds, but its
 * examples show milliseconds, and one page types `created` as text: all three are read.
 */
export function shortDate(created: unknown): string {
	const number = typeof created === 'string' && /^\d+$/.test(created) ? Number(created) : created;
	if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) return '';
	const millis = number > 1e11 ? number : number * 1000;
	return `${new Date(millis).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { ListSearch } from './searchList';
import { searchList, unlessUsual } from './searchList';

interface Card {
	id: string;
	brand?: string | null;
	last4?: string | null;
	status?: string;
	/** The cardholder, expanded (as the authorization page shows a card) or as an ID. */
	cardholder?: { id?: string; name?: string | null } | string | null;
}

const holderName = (card: Card) => (typeof card.cardholder === 'object' ? card.cardholder?.name : undefined);

const cards: ListSearch<Card> = {
	url: '/v1/issuing/cards',
	name: (card) => {
		const number = card.last4 ? `${card.brand ?? 'Card'} ···· ${card.last4}` : card.id;
		const holder = holderName(card);
		return `${number}${holder ? ` · ${holder}` : ''}${unlessUsual(card.status, 'active')}`;
	},
	searchIn: (card) => [card.last4, holderName(card), card.brand],
};

/**
 * Cards for the "From List" mode of the Card fields: brand, last four digits and cardholder.
 * A search term filters the page by last four digits, cardholder name, brand or ID.
 */
export async function searchCards(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(this, cards, filter, paginationToken);
}

import type { INodeProperties } from 'n8n-workflow';

import { showFor, transactionLocator } from '../../shared/descriptions';
import { listRouting } from '../../shared/lists';
import { urlWithId } from '../../shared/routing';
import { transactionGetAllFilters } from './getAll';
import { transactionUpdateDescription } from './update';

const showOnlyForTransactions = { show: { resource: ['transaction'] } };

/**
 * Get and Update work on one transaction: its ID goes into the URL. The Update path is on
 * WooshPay's page; Get's page could not be read, so its path is inferred from Update's.
 */
const oneTransaction = urlWithId(transactionLocator, '/v1/issuing/transactions/{id}');

export const transactionOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showOnlyForTransactions,
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a card transaction',
			description: "Fetch a transaction's details (path inferred: WooshPay's page could not be read)",
			routing: { request: { method: 'GET' }, send: { preSend: [oneTransaction] } },
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many card transactions',
			description: 'List card transactions, newest first',
			routing: listRouting('/v1/issuing/transactions'),
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a card transaction',
			description: 'Tag a transaction with metadata, such as an accounting code',
			routing: { request: { method: 'POST' }, send: { preSend: [oneTransaction] } },
		},
	],
	default: 'update',
};

/** The fields of the transaction operations; they come after every resource's Operation (see WooshPay.node.ts). */
export const transactionFields: INodeProperties[] = [
	{ ...transactionLocator, displayOptions: showFor('transaction', ['get', 'update']) },
	transactionGetAllFilters,
	...transactionUpdateDescription,
];

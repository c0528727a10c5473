import type { INodeProperties } from 'n8n-workflow';

import { cardholderLocator, showFor } from '../../shared/descriptions';
import { listRouting } from '../../shared/lists';
import { urlWithId } from '../../shared/routing';
import { cardholderCreateDescription } from './create';
import { cardholderGetAllFilters } from './getAll';
import { cardholderUpdateDescription } from './update';

const showOnlyForCardholders = { show: { resource: ['cardholder'] } };

/** Get and Update work on one cardholder: its ID goes into the URL. */
const oneCardholder = urlWithId(cardholderLocator, '/v1/issuing/cardholders/{id}');

export const cardholderOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showOnlyForCardholders,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a cardholder',
			description: 'Add a new cardholder',
			routing: { request: { method: 'POST', url: '/v1/issuing/cardholders' } },
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a cardholder',
			description: "Fetch a cardholder's details",
			routing: { request: { method: 'GET' }, send: { preSend: [oneCardholder] } },
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many cardholders',
			description: 'List cardholders, newest first',
			routing: listRouting('/v1/issuing/cardholders'),
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a cardholder',
			description: "Change a cardholder's details or status, such as blocking their cards",
			routing: { request: { method: 'POST' }, send: { preSend: [oneCardholder] } },
		},
	],
	default: 'update',
};

/** The fields of the cardholder operations; they come after every resource's Operation (see WooshPay.node.ts). */
export const cardholderFields: INodeProperties[] = [
	{ ...cardholderLocator, displayOptions: showFor('cardholder', ['get', 'update']) },
	...cardholderCreateDescription,
	cardholderGetAllFilters,
	...cardholderUpdateDescription,
];

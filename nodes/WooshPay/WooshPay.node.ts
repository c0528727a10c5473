import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../../credentials/WooshPayApi.credentials';
import { searchAuthorizations } from './listSearch/searchAuthorizations';
import { searchCardholders } from './listSearch/searchCardholders';
import { searchCards } from './listSearch/searchCards';
import { searchTransactions } from './listSearch/searchTransactions';
import { authorizationDescription } from './resources/authorization';
import { cardDescription } from './resources/card';
import { cardholderDescription } from './resources/cardholder';
import { customerDescription } from './resources/customer';
import { transactionDescription } from './resources/transaction';
import { optionsCollection } from './shared/options';
import { labelFields } from './shared/routing';
import { CREDENTIAL_TYPE, sendRequest } from './shared/transport';

export class WooshPay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WooshPay',
		name: 'wooshPay',
		icon: { light: 'file:../../icons/wooshpay.svg', dark: 'file:../../icons/wooshpay.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create, get and update WooshPay customers and cardholders',
		defaults: { name: 'WooshPay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		// Every request goes through sendRequest (see shared/transport.ts): the resource
		// property below sets `paginate`, which makes the engine hand requests to it.
		requestOperations: { pagination: sendRequest },
		properties: labelFields([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Card', value: 'card', description: 'A card issued to a cardholder (Issuing)' },
					{ name: 'Card Authorization', value: 'authorization', description: 'A request to pay with one of your issued cards, approved or declined' },
					{ name: 'Card Transaction', value: 'transaction', description: 'A payment or refund made with one of your issued cards' },
					{ name: 'Cardholder', value: 'cardholder', description: 'A person or company that holds WooshPay issued cards' },
					{ name: 'Customer', value: 'customer', description: 'Someone you take payments from' },
				],
				default: 'customer',
				routing: { send: { paginate: true } },
			},
			...customerDescription,
			...cardholderDescription,
			...cardDescription,
			...authorizationDescription,
			...transactionDescription,
			optionsCollection,
		]),
	};

	methods = {
		listSearch: { searchAuthorizations, searchCardholders, searchCards, searchTransactions },
	};
}

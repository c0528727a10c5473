import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../../credentials/WooshPayApi.credentials';
import { searchAuthorizations } from './listSearch/searchAuthorizations';
import { searchCardholders } from './listSearch/searchCardholders';
import { searchCards } from './listSearch/searchCards';
import { searchTransactions } from './listSearch/searchTransactions';
import { authorizationDescription } from './resources/authorization';
import { balanceDescription } from './resources/balance';
import { cardDescription } from './resources/card';
import { cardholderDescription } from './resources/cardholder';
import { chargeDescription } from './resources/charge';
import { customerDescription } from './resources/customer';
import { eventDescription } from './resources/event';
import { paymentIntentDescription } from './resources/paymentIntent';
import { refundDescription } from './resources/refund';
import { transactionDescription } from './resources/transaction';
import { optionsCollection } from './shared/options';
import { CREDENTIAL_TYPE } from './shared/transport';

/**
 * How a request travels: each operation's routing (resources/<resource>/index.ts) gives its
 * method and URL and hands the request the engine built from the operation's fields to one of
 * the node's request operations (shared/transport.ts). That waits for the account's pace,
 * adds the Idempotency-Key to a POST, sends it with n8n's HTTP helper and the credential
 * (never following a redirect), turns an error answer into WooshPay's words
 * (throwWooshPayError) and sends a request again after a 429, a 5xx or a lost connection.
 */
export class WooshPay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WooshPay',
		name: 'wooshPay',
		icon: { light: 'file:../../icons/wooshpay.svg', dark: 'file:../../icons/wooshpay.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Work with WooshPay customers, cardholders, issuing cards, payment intents, refunds, charges, balance and events',
		defaults: { name: 'WooshPay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Balance', value: 'balance', description: 'The funds in your WooshPay account' },
					{ name: 'Card', value: 'card', description: 'A card issued to a cardholder (Issuing)' },
					{ name: 'Card Authorization', value: 'authorization', description: 'A request to pay with one of your issued cards, approved or declined' },
					{ name: 'Card Transaction', value: 'transaction', description: 'A payment or refund made with one of your issued cards' },
					{ name: 'Cardholder', value: 'cardholder', description: 'A person or company that holds WooshPay issued cards' },
					{ name: 'Charge', value: 'charge', description: 'An attempt to move money from a payment method' },
					{ name: 'Customer', value: 'customer', description: 'Someone you take payments from' },
					{ name: 'Event', value: 'event', description: 'Something that happened in your account, as webhooks report it' },
					{ name: 'Payment Intent', value: 'paymentIntent', description: 'A payment you collect from a customer' },
					{ name: 'Refund', value: 'refund', description: 'Money given back from a payment' },
				],
				default: 'customer',
			},
			...customerDescription,
			...cardholderDescription,
			...paymentIntentDescription,
			...refundDescription,
			...chargeDescription,
			...balanceDescription,
			...eventDescription,
			...cardDescription,
			...authorizationDescription,
			...transactionDescription,
			optionsCollection,
		],
	};

	methods = {
		listSearch: { searchAuthorizations, searchCardholders, searchCards, searchTransactions },
	};
}

import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../../credentials/WooshPayApi.credentials';
import { searchAuthorizations } from './listSearch/searchAuthorizations';
import { searchCardholders } from './listSearch/searchCardholders';
import { searchCards } from './listSearch/searchCards';
import { searchTransactions } from './listSearch/searchTransactions';
import { authorizationFields, authorizationOperation } from './resources/authorization';
import { balanceOperation } from './resources/balance';
import { cardFields, cardOperation } from './resources/card';
import { cardholderFields, cardholderOperation } from './resources/cardholder';
import { chargeFields, chargeOperation } from './resources/charge';
import { customerFields, customerOperation } from './resources/customer';
import { eventFields, eventOperation } from './resources/event';
import { paymentIntentFields, paymentIntentOperation } from './resources/paymentIntent';
import { refundFields, refundOperation } from './resources/refund';
import { transactionFields, transactionOperation } from './resources/transaction';
import { oneCollectionPerKind } from './shared/descriptions';
import { returnAllAndLimit } from './shared/lists';
import { optionsCollection } from './shared/options';
import { labelFields } from './shared/routing';
import { CREDENTIAL_TYPE, sendToWooshPay, throwWooshPayError } from './shared/transport';

const OPERATIONS = [
	customerOperation,
	cardholderOperation,
	paymentIntentOperation,
	refundOperation,
	chargeOperation,
	balanceOperation,
	eventOperation,
	cardOperation,
	authorizationOperation,
	transactionOperation,
];

/** The resources whose Operation offers `operation`, read from the Operation properties. */
function resourcesWith(operation: string): string[] {
	return OPERATIONS.filter((property) => property.options?.some((option) => 'value' in option && option.value === operation)).flatMap(
		(property) => (property.displayOptions?.show?.resource ?? []) as string[],
	);
}

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
		// How a request travels. The engine builds each item's request from the routing of the
		// chosen operation and its fields (resources/) and, because the Resource property sets
		// `paginate`, hands it to this request operation instead of sending it itself:
		// sendToWooshPay (listAll for Get Many) waits for the account's and the run's pace,
		// adds the Idempotency-Key and sends it with the engine's own makeRoutingRequest (n8n's
		// HTTP helper and credential, then the routing's postReceive, first throwWooshPayError).
		// A 429, 5xx or lost connection is sent again from there. This is n8n's pagination hook
		// used for all requests on purpose: it is the only place where a declarative node
		// decides when and how often its request goes out (shared/transport.ts says more).
		requestOperations: { pagination: sendToWooshPay },
		properties: labelFields([
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
				routing: { send: { paginate: true }, output: { postReceive: [throwWooshPayError] } },
			},
			// Every resource's Operation first, then one Return All / Limit pair for every Get Many,
			// then each resource's fields: the engine walks all top-level properties for each
			// item, so shared properties keep an operation's cost from growing with the node
			// (bench/README.md, "The node's size"). The editor shows the same order as before.
			// The same holds for each resource's Additional Fields, Update Fields and Filters: one
			// collection of each kind serves all resources (shared/descriptions.ts).
			...OPERATIONS,
			...returnAllAndLimit(resourcesWith('getAll')),
			...oneCollectionPerKind([
				...customerFields,
				...cardholderFields,
				...paymentIntentFields,
				...refundFields,
				...chargeFields,
				...eventFields,
				...cardFields,
				...authorizationFields,
				...transactionFields,
			]),
			optionsCollection,
		]),
	};

	methods = {
		listSearch: { searchAuthorizations, searchCardholders, searchCards, searchTransactions },
	};
}

import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, showFor } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { route, send } from '../../shared/routing';
import { sendMoneyMovement } from '../../shared/transport';
import { currencyCode, metadataJsonText, oneOf, positiveInteger, requiredText, text, unixSeconds } from '../../shared/validation';
import { subscriptionItems } from './items';

const displayOptions = showFor('subscription', ['create']);

const COLLECTION_OPTIONS = [
	{ name: 'Charge Automatically', value: 'charge_automatically', description: "The customer's default payment method is charged" },
	{ name: 'Send Invoice', value: 'send_invoice', description: 'The customer gets an invoice to pay' },
];

/**
 * Subscriptions: a customer paying a price again and again. Create only (reference page
 * "Create a subscription"); its first invoice may charge the customer at once, so it is sent as a
 * money movement. The page prints subscription metadata as a string: the pairs go as one JSON
 * text (README, "What is inferred").
 */
export const subscriptionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a subscription',
				description: 'Start a subscription of a customer (cus_...) to one or more prices (price_...)',
				routing: route({ method: 'POST', url: '/v1/subscriptions' }, { send: sendMoneyMovement }),
			},
		],
		default: 'create',
	},
	{
		displayName: 'Customer ID',
		name: 'customer',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'cus_1953770230215868416',
		description: 'The customer who subscribes',
		displayOptions,
		routing: send('customer', 'Customer ID', requiredText),
	},
	subscriptionItems(displayOptions),
	additionalFields(displayOptions, [
		{
			displayName: 'Cancel At',
			name: 'cancelAt',
			type: 'dateTime',
			default: '',
			description: 'When the subscription ends by itself (sent as Unix seconds)',
			routing: send('cancel_at', 'Additional Fields → Cancel At', unixSeconds),
		},
		{
			displayName: 'Collection Method',
			name: 'collectionMethod',
			type: 'options',
			default: 'charge_automatically',
			options: COLLECTION_OPTIONS,
			routing: send('collection_method', 'Additional Fields → Collection Method', oneOf(COLLECTION_OPTIONS)),
		},
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			default: '',
			placeholder: 'USD',
			description: 'Three-letter ISO currency code of the subscription',
			routing: send('currency', 'Additional Fields → Currency', currencyCode),
		},
		{
			displayName: 'Days Until Due',
			name: 'daysUntilDue',
			type: 'number',
			default: 30,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description: 'With Send Invoice: how many days the customer has to pay each invoice',
			routing: send('days_until_due', 'Additional Fields → Days Until Due', positiveInteger),
		},
		{
			displayName: 'Default Payment Method ID',
			name: 'defaultPaymentMethod',
			type: 'string',
			default: '',
			placeholder: 'pm_1604012357044928512',
			description: 'The payment method to charge, one of the customer’s',
			routing: send('default_payment_method', 'Additional Fields → Default Payment Method ID', requiredText),
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			routing: send('description', 'Additional Fields → Description', text),
		},
		metadataField(metadataJsonText, 'Additional Fields', {
			description:
				'Your own key/value pairs stored with the subscription. WooshPay prints subscription metadata as text, so the pairs are sent as one JSON text, such as {"plan":"gold"}.',
		}),
		{
			displayName: 'Trial Period Days',
			name: 'trialPeriodDays',
			type: 'number',
			default: 14,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description: 'How many days the customer uses it before the first charge',
			routing: send('trial_period_days', 'Additional Fields → Trial Period Days', positiveInteger),
		},
	]),
];

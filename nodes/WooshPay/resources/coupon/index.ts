import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, byIdLocator, showFor } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { idInPath, route, send } from '../../shared/routing';
import { currencyCode, metadataObject, oneOf, percentage, positiveAmount, text } from '../../shared/validation';

const couponLocator = byIdLocator({
	displayName: 'Coupon',
	name: 'couponId',
	description: 'The coupon to get',
	placeholder: 'SUMMER25',
	hint: 'The ID of the coupon, or an expression such as {{ $json.coupon }}',
});

const displayOptions = showFor('coupon', ['create']);
const show = (also: Record<string, string[]>) => showFor('coupon', ['create'], also);

const DISCOUNT_OPTIONS = [
	{ name: 'Amount Off', value: 'amount', description: 'A fixed amount off, in a currency' },
	{ name: 'Percent Off', value: 'percent', description: 'A percentage off' },
];

const DURATION_OPTIONS = [
	{ name: 'Forever', value: 'forever' },
	{ name: 'Once', value: 'once' },
	{ name: 'Repeating', value: 'repeating' },
];

/**
 * Coupons: a discount customers get, as a fixed amount or a percentage. Create and Get
 * (reference pages "Create a Coupon", "Retrieve a coupon"); the editor asks which kind, so
 * exactly one of `amount_off` (with its `currency`) and `percent_off` is sent.
 */
export const couponDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['coupon'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a coupon',
				description: 'Add a discount of an amount or a percentage, once, forever or repeating',
				routing: route({ method: 'POST', url: '/v1/coupons' }),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a coupon',
				description: "Fetch a coupon's details and whether it is still valid, by its ID",
				routing: route({ method: 'GET', url: `=/v1/coupons/${idInPath('couponId')}` }),
			},
		],
		default: 'create',
	},
	{
		displayName: 'Discount',
		name: 'discount',
		type: 'options',
		default: 'percent',
		options: DISCOUNT_OPTIONS,
		displayOptions,
	},
	{
		displayName: 'Percent Off',
		name: 'percentOff',
		type: 'number',
		required: true,
		default: 10,
		typeOptions: { minValue: 0, maxValue: 100 },
		description: 'How many percent the coupon takes off, such as 25',
		displayOptions: show({ discount: ['percent'] }),
		routing: send('percent_off', 'Percent Off', percentage),
	},
	{
		displayName: 'Amount Off',
		name: 'amountOff',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: "How much the coupon takes off, in the currency's smallest unit (cents for USD: 500 is 5.00 USD)",
		displayOptions: show({ discount: ['amount'] }),
		routing: send('amount_off', 'Amount Off', positiveAmount),
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'USD',
		description: 'Three-letter ISO currency code of Amount Off',
		displayOptions: show({ discount: ['amount'] }),
		routing: send('currency', 'Currency', currencyCode),
	},
	{
		displayName: 'Duration',
		name: 'duration',
		type: 'options',
		default: 'once',
		description: 'For how long a customer gets the discount on a subscription',
		options: DURATION_OPTIONS,
		displayOptions,
		routing: send('duration', 'Duration', oneOf(DURATION_OPTIONS)),
	},
	additionalFields(displayOptions, [
		metadataField(metadataObject, 'Additional Fields'),
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'Summer sale',
			description: 'The name customers see on their receipts and invoices',
			routing: send('name', 'Additional Fields → Name', text),
		},
	]),
	{ ...couponLocator, displayOptions: showFor('coupon', ['get']) },
];

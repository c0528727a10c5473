import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, showFor, sortedByName } from '../../shared/descriptions';
import { send } from '../../shared/routing';
import { asText, currencyCode, nonNegativeInteger, oneOf, positiveInteger, requiredText, text } from '../../shared/validation';
import { productFields } from '../product';
import { priceFields } from './fields';

const displayOptions = showFor('price', ['create']);
const show = (also: Record<string, string[]>) => showFor('price', ['create'], also);

const PRODUCT_OPTIONS = [
	{ name: 'Existing Product', value: 'existing', description: 'A product made before, by its ID (prod_...)' },
	{ name: 'New Product', value: 'new', description: 'Made with the price (product_data)' },
];

const INTERVAL_OPTIONS = [
	{ name: 'Day', value: 'day' },
	{ name: 'Month', value: 'month' },
	{ name: 'Week', value: 'week' },
	{ name: 'Year', value: 'year' },
];

const BILLING_SCHEME_OPTIONS = [
	{ name: 'Per Unit', value: 'per_unit' },
	{ name: 'Tiered', value: 'tiered' },
];

/**
 * Price → Create: POST /v1/prices (reference page "Create a price"). Currency and Unit Amount
 * are required; the product is an existing one (`product`) or a new one (`product_data`, whose
 * name is then required). The page types `unit_amount` and `recurring.interval_count` as
 * strings: the node checks them as whole numbers and sends them as text.
 */
export const priceCreateDescription: INodeProperties[] = [
	{
		displayName: 'Product',
		name: 'productFrom',
		type: 'options',
		default: 'existing',
		description: 'Which product the price is for',
		options: PRODUCT_OPTIONS,
		displayOptions,
	},
	{
		displayName: 'Product ID',
		name: 'product',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'prod_1787731245694324736',
		description: 'The product the price is for (prod_...)',
		hint: 'Such as {{ $json.id }} after Product → Create',
		displayOptions: show({ productFrom: ['existing'] }),
		routing: send('product', 'Product ID', requiredText),
	},
	{
		displayName: 'Product Name',
		name: 'productName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Coffee mug',
		description: "The new product's name",
		displayOptions: show({ productFrom: ['new'] }),
		routing: send('product_data.name', 'Product Name', requiredText),
	},
	{
		displayName: 'New Product Fields',
		name: 'productData',
		type: 'collection',
		placeholder: 'Add Product Field',
		default: {},
		description: 'More about the new product (product_data)',
		displayOptions: show({ productFrom: ['new'] }),
		// The same fields as Product → Create, under product_data.
		options: productFields('New Product Fields', 'product_data.'),
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'USD',
		description: 'Three-letter ISO currency code, such as USD',
		displayOptions,
		routing: send('currency', 'Currency', currencyCode),
	},
	{
		displayName: 'Unit Amount',
		name: 'unitAmount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 0 },
		description:
			"The price of one unit in the currency's smallest unit (cents for USD: 1500 is 15.00 USD), 0 for free; sent as text, as WooshPay types it",
		displayOptions,
		routing: send('unit_amount', 'Unit Amount', asText(nonNegativeInteger)),
	},
	additionalFields(
		displayOptions,
		sortedByName([
			...priceFields('Additional Fields'),
			{
				displayName: 'Billing Scheme',
				name: 'billingScheme',
				type: 'options',
				default: 'per_unit',
				options: BILLING_SCHEME_OPTIONS,
				routing: send('billing_scheme', 'Additional Fields → Billing Scheme', oneOf(BILLING_SCHEME_OPTIONS)),
			},
			{
				displayName: 'Recurring',
				name: 'recurring',
				type: 'collection',
				placeholder: 'Add Recurring Field',
				default: {},
				description: 'For a subscription price: how often it is charged. Interval is required once any of these is set.',
				options: [
					{
						displayName: 'Interval',
						name: 'interval',
						type: 'options',
						default: 'month',
						options: INTERVAL_OPTIONS,
						routing: send('recurring.interval', 'Additional Fields → Recurring → Interval', oneOf(INTERVAL_OPTIONS)),
					},
					{
						displayName: 'Interval Count',
						name: 'intervalCount',
						type: 'number',
						default: 1,
						typeOptions: { minValue: 1, numberPrecision: 0 },
						description: 'How many intervals between charges (3 with Month: every quarter); sent as text, as WooshPay types it',
						routing: send('recurring.interval_count', 'Additional Fields → Recurring → Interval Count', asText(positiveInteger)),
					},
					{
						displayName: 'Usage Type',
						name: 'usageType',
						type: 'string',
						default: 'licensed',
						description: 'How the quantity is counted; the reference shows "licensed" only',
						routing: send('recurring.usage_type', 'Additional Fields → Recurring → Usage Type', text),
					},
				],
			},
		]),
	),
];

import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, showFor, sortedByName } from '../../shared/descriptions';
import { send } from '../../shared/routing';
import { currencyCode, everyValue, oneOf, onlyWith, positiveAmount, requiredText, text, trueOrFalse } from '../../shared/validation';
import { PAYMENT_METHOD_OPTIONS, paymentIntentFields } from './fields';

const displayOptions = showFor('paymentIntent', ['create']);

/** The reference: return_url and off-session are "only when confirm=true". */
const withConfirm = (name: string) =>
	onlyWith('confirm', true, 'is set, but Confirm is not on', `WooshPay takes ${name} only together with Confirm: switch Confirm on, or remove ${name}.`);

export const CAPTURE_METHOD_OPTIONS = [
	{ name: 'Automatic', value: 'automatic', description: 'The payment is captured as soon as the customer pays' },
	{ name: 'Manual', value: 'manual', description: 'The payment is only authorized; capture it later with Payment Intent → Capture' },
];

/**
 * Payment Intent → Create: POST /v1/payment_intents (reference page "Create a PaymentIntent",
 * and `capture_method` from the guide "Authorize and capture"). Amount and currency are
 * required; the rest can be added. Field names as the page prints them, `off-session` with its
 * hyphen included.
 */
export const paymentIntentCreateDescription: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: "How much to collect, in the currency's smallest unit (cents for USD: 2500 is 25.00 USD)",
		displayOptions,
		routing: send('amount', 'Amount', positiveAmount),
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'USD',
		description: "Three-letter ISO currency code, such as USD, as WooshPay's examples write them",
		displayOptions,
		routing: send('currency', 'Currency', currencyCode),
	},
	additionalFields(
		displayOptions,
		sortedByName([
			{
				displayName: 'Capture Method',
				name: 'captureMethod',
				type: 'options',
				default: 'automatic',
				description: 'Whether the payment is captured at once, or only authorized now and captured later (for example when the order ships)',
				options: CAPTURE_METHOD_OPTIONS,
				routing: send('capture_method', 'Additional Fields → Capture Method', oneOf(CAPTURE_METHOD_OPTIONS)),
			},
			{
				displayName: 'Confirm',
				name: 'confirm',
				type: 'boolean',
				default: false,
				description: 'Whether to create and confirm the payment intent in one step',
				routing: send('confirm', 'Additional Fields → Confirm', trueOrFalse),
			},
			{
				displayName: 'Customer ID',
				name: 'customer',
				type: 'string',
				default: '',
				placeholder: 'cus_1953770230215868416',
				description: 'The ID of the customer this payment is for',
				routing: send('customer', 'Additional Fields → Customer ID', requiredText),
			},
			{
				displayName: 'Off Session',
				name: 'offSession',
				type: 'boolean',
				default: false,
				description: 'Whether the customer is not present while paying (sent as "off-session", the name the reference prints)',
				routing: send('off-session', 'Additional Fields → Off Session', trueOrFalse, withConfirm('Off Session')),
			},
			{
				displayName: 'Payment Method Types',
				name: 'paymentMethodTypes',
				type: 'multiOptions',
				default: [],
				description:
					"The kinds of payment method this payment intent may use. The reference's list for this field is cut off; the node offers the types it lists for Payment Method Data → Type (inferred to be the same).",
				options: PAYMENT_METHOD_OPTIONS,
				routing: send('payment_method_types', 'Additional Fields → Payment Method Types', everyValue(oneOf(PAYMENT_METHOD_OPTIONS))),
			},
			...paymentIntentFields('Additional Fields'),
			{
				displayName: 'Return URL',
				name: 'returnUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/paid',
				description: 'Where the customer is sent back to after paying on another site (such as their bank). Only with Confirm, as the reference says.',
				routing: send('return_url', 'Additional Fields → Return URL', text, withConfirm('Return URL')),
			},
		]),
	),
];

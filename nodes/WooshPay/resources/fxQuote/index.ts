import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { route, send } from '../../shared/routing';
import type { Rule } from '../../shared/validation';
import { currencyCode, everyValue, InvalidValue, oneOf } from '../../shared/validation';

const displayOptions = showFor('fxQuote', ['create']);

const USAGE_OPTIONS = [
	{ name: 'Pay-In', value: 'payin', description: 'For payments you collect' },
	{ name: 'Payout', value: 'payout', description: 'For payouts you send' },
];

/** From Currencies: one currency code or more (the page requires the list; an empty one is refused before sending). */
const fromCurrencies: Rule = (value, context) => {
	const codes = everyValue(currencyCode)(value, context) as string[];
	if (codes.length === 0) {
		throw new InvalidValue('has no currency', 'Give at least one three-letter currency code, such as "USD", or several separated by commas.');
	}
	return codes;
};

/**
 * FX quotes: WooshPay's exchange rates from some currencies to one, for pay-ins or payouts.
 * Create only (reference page "Create an FX Quote"); all three fields are required there.
 */
export const fxQuoteDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fxQuote'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an FX quote',
				description: 'Get exchange rates from one or more currencies to one, for pay-ins or payouts',
				routing: route({ method: 'POST', url: '/v1/fx_quotes' }),
			},
		],
		default: 'create',
	},
	{
		displayName: 'From Currencies',
		name: 'fromCurrencies',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'USD, EUR',
		description: 'Three-letter codes of the currencies to convert from, separated by commas',
		displayOptions,
		routing: send('from_currencies', 'From Currencies', fromCurrencies),
	},
	{
		displayName: 'To Currency',
		name: 'toCurrency',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'GBP',
		description: 'Three-letter code of the currency to convert to',
		displayOptions,
		routing: send('to_currency', 'To Currency', currencyCode),
	},
	{
		displayName: 'Usage',
		name: 'usage',
		type: 'options',
		default: 'payout',
		description: 'What the rates are for',
		options: USAGE_OPTIONS,
		displayOptions,
		routing: send('usage.type', 'Usage', oneOf(USAGE_OPTIONS)),
	},
];

// @ts-check
'use strict';

const { money, shortDate } = require('../../dist/nodes/WooshPay/listSearch/searchList');

/** How list searches show amounts and dates; the engine tests show them in context. */
test.each([
	[1250, 'usd', '12.50 USD'],
	[1250, 'GBP', '12.50 GBP'],
	[1250, 'jpy', '1250 JPY'],
	[1250, 'kwd', '1.250 KWD'],
	[1250, 'xx1', '12.50 XX1'],
	[0, 'eur', '0.00 EUR'],
	['1250', 'usd', ''],
])('money(%j, %j) is %j', (amount, currency, shown) => expect(money(amount, currency)).toBe(shown));

test('dates: Unix seconds, milliseconds (as WooshPay\'s examples show) and seconds as text', () => {
	expect(shortDate(1767225600)).toBe('2026-01-01 00:00 UTC');
	expect(shortDate(1767225600123)).toBe('2026-01-01 00:00 UTC');
	expect(shortDate('1767225660')).toBe('2026-01-01 00:01 UTC');
	expect(shortDate(undefined)).toBe('');
	expect(shortDate('yesterday')).toBe('');
});

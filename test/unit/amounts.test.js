// @ts-check
'use strict';

const {
	InvalidValue,
	everyValue,
	oneOf,
	optionalAmountAsText,
	pageSize,
	positiveAmount,
	requiredText,
} = require('../../dist/nodes/WooshPay/shared/validation');

/** The rules the payments resources added, edge by edge. */
const context = { timezone: 'UTC' };

test.each([
	[2500, 2500],
	['2500', 2500],
	[' 42 ', 42],
	[1, 1],
])('%j is an amount: %j', (value, amount) => expect(positiveAmount(value, context)).toBe(amount));

test.each([0, -1, 12.5, '12.50', '25.00', '1e3', '0x10', '', ' ', null, undefined, true, 2 ** 53, 'ten'])('%j is not an amount', (value) =>
	expect(() => positiveAmount(value, context)).toThrow(InvalidValue),
);

test('a refund amount is sent as text; nothing leaves it out', () => {
	expect(optionalAmountAsText(1250, context)).toBe('1250');
	expect(optionalAmountAsText(' 1250 ', context)).toBe('1250');
	expect(optionalAmountAsText('', context)).toBeUndefined();
	expect(optionalAmountAsText(null, context)).toBeUndefined();
	expect(optionalAmountAsText(undefined, context)).toBeUndefined();
	expect(() => optionalAmountAsText('12.50', context)).toThrow('is "12.50", which is not a whole number of 1 or more');
});

test('a multi-select checks every value, also when an expression gives text with commas', () => {
	const rule = everyValue(oneOf([{ value: 'card' }, { value: 'alipay' }]));
	expect(rule(['card'], context)).toEqual(['card']);
	expect(rule(' card, alipay ', context)).toEqual(['card', 'alipay']);
	expect(() => rule(['card', 'cash'], context)).toThrow('is "cash", which is not one of the allowed values');
	expect(() => rule(42, context)).toThrow('is 42, which is not a list');
});

test('page sizes are 1 to 100; required text is trimmed and not empty', () => {
	expect(pageSize(100, context)).toBe(100);
	expect(() => pageSize(101, context)).toThrow('at most 100');
	expect(() => pageSize(0, context)).toThrow(InvalidValue);
	expect(requiredText(' pi_1 ', context)).toBe('pi_1');
	expect(requiredText(123, context)).toBe('123');
	expect(() => requiredText('  ', context)).toThrow('is empty');
	expect(() => requiredText(null, context)).toThrow('is empty');
});

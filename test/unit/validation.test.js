// @ts-check
'use strict';

const { InvalidValue, dateOfBirth, ipAddress, pathId, unixSeconds } = require('../../dist/nodes/WooshPay/shared/validation');

/** Rules whose edge cases are easier to read one by one than through the engine. */
const context = { timezone: 'America/New_York' };

test.each(['127.0.0.1', '255.255.255.255', '::1', '::', '2001:db8::7', 'fe80::1:2:3:4', '2001:0db8:0000:0000:0000:ff00:0042:8329', '::ffff:192.0.2.128'])(
	'%s is an IP address',
	(ip) => expect(ipAddress(ip, context)).toBe(ip),
);

test.each(['256.1.1.1', '1.2.3', '01.2.3.4', '1:2:3:4:5:6:7:8:9', '2001::db8::1', 'gggg::1', '', ' '])('%j is not', (ip) =>
	expect(() => ipAddress(ip, context)).toThrow(InvalidValue),
);

test('dates without an offset are read in the workflow time zone', () => {
	expect(unixSeconds('2026-01-15T09:30:00', context)).toBe(Date.parse('2026-01-15T14:30:00Z') / 1000);
	expect(unixSeconds('2026-07-15T09:30:00', context)).toBe(Date.parse('2026-07-15T13:30:00Z') / 1000);
	expect(unixSeconds('2026-07-15 09:30', context)).toBe(Date.parse('2026-07-15T13:30:00Z') / 1000);
	expect(unixSeconds(1767225600, context)).toBe(1767225600);
});

test('a date of birth is day, month and year, whatever time or zone the picker adds', () => {
	expect(dateOfBirth('1984-02-29T00:00:00.000+05:00', context)).toEqual({ day: 29, month: 2, year: 1984 });
	expect(() => dateOfBirth('1985-02-29', context)).toThrow('not a possible date of birth');
	expect(() => dateOfBirth('1899-12-31', context)).toThrow(InvalidValue);
});

test('path IDs are encoded so that nothing changes the path', () => {
	expect(pathId(' cus_1 ', context)).toBe('cus_1');
	expect(pathId(12345, context)).toBe('12345');
	expect(pathId('../x?y#z', context)).toBe('..%2Fx%3Fy%23z');
	expect(() => pathId('.', context)).toThrow(InvalidValue);
	expect(() => pathId(undefined, context)).toThrow('is empty');
});

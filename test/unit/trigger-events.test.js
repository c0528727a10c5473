// @ts-check
'use strict';

/** @import { INode } from 'n8n-workflow' */

const { ALL_EVENTS, EVENT_OPTIONS, chosenEvents, isChosen } = require('../../dist/nodes/WooshPayTrigger/events');

/** The trigger's event list and how a choice becomes the events it subscribes to. */
const node = /** @type {INode} */ ({ name: 'WooshPay Trigger' });

test('the list is sorted by name as the editor shows it, without repeats, each with a one-line description', () => {
	const names = EVENT_OPTIONS.map((option) => option.name);
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	expect(new Set(EVENT_OPTIONS.map((option) => option.value)).size).toBe(EVENT_OPTIONS.length);
	for (const option of EVENT_OPTIONS) expect(option.description).toMatch(/^[A-Z][^\n]{10,90}[^.]$/);
	expect(EVENT_OPTIONS[0]).toMatchObject({ name: 'All Events', value: ALL_EVENTS });
});

test('every event type WooshPay’s docs and guides name is offered', () => {
	const documented = [
		'charge.captured', 'charge.dispute.closed', 'charge.dispute.created', 'charge.dispute.funds_reinstated',
		'charge.dispute.funds_withdrawn', 'charge.dispute.updated', 'charge.refund.updated', 'checkout.session.expired',
		'payment_intent.amount_capturable_updated', 'payment_intent.canceled', 'payment_intent.created',
		'payment_intent.payment_failed', 'payment_intent.processing', 'payment_intent.requires_action',
		'payment_intent.succeeded', 'payout.created', 'payout.paid', 'payout.failed', 'payout.canceled',
		'setup_intent.created', 'setup_intent.succeeded', 'product.created',
		// from client code, not the docs
		'checkout.session.completed', 'checkout.session.canceled', 'payment_link.paid',
	];
	expect(EVENT_OPTIONS.map((option) => option.value).filter((value) => value !== ALL_EVENTS).sort()).toEqual(documented.sort());
});

test('chosen and not-listed names are merged, sorted and without repeats', () => {
	expect(chosenEvents(node, ['payout.paid', 'charge.captured'], ' issuing_card.created,payout.paid\ncustomer.updated ,')).toEqual([
		'charge.captured',
		'customer.updated',
		'issuing_card.created',
		'payout.paid',
	]);
	expect(chosenEvents(node, [], 'issuing_card.created')).toEqual(['issuing_card.created']);
	expect(chosenEvents(node, ['payout.paid', ALL_EVENTS], 'issuing_card.created')).toEqual([ALL_EVENTS]);
});

test.each(['Customer Updated', 'payment_intent', 'Payment_Intent.Succeeded', 'payout.paid;charge.captured', '.paid'])(
	'%j is refused as a name not listed',
	(name) => expect(() => chosenEvents(node, ['payout.paid'], name)).toThrow(`Event Names Not Listed: "${name}" is not an event name`),
);

test('nothing chosen is refused', () => {
	expect(() => chosenEvents(node, [], ' , ')).toThrow('No event chosen');
	expect(() => chosenEvents(node, undefined, undefined)).toThrow('No event chosen');
});

test('an event is listened to when its type is chosen, or All Events is', () => {
	expect(isChosen(['payout.paid'], 'payout.paid')).toBe(true);
	expect(isChosen(['payout.paid'], 'payout.failed')).toBe(false);
	expect(isChosen([ALL_EVENTS], 'anything.at_all')).toBe(true);
	expect(isChosen([ALL_EVENTS], undefined)).toBe(false);
});

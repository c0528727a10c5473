// @ts-check
'use strict';

const { MAX_EVENTS_PER_TRIGGER, seenBefore } = require('../../dist/nodes/WooshPayTrigger/dedup');

/** The trigger's memory of events that started a run: per trigger, and bounded. */
test('an event is new once per trigger', () => {
	expect(seenBefore('wf-a|node|webhook', 'evt_1')).toBe(false);
	expect(seenBefore('wf-a|node|webhook', 'evt_1')).toBe(true);
	expect(seenBefore('wf-a|node|manual', 'evt_1')).toBe(false);
	expect(seenBefore('wf-b|node|webhook', 'evt_1')).toBe(false);
});

test(`each trigger remembers its latest ${MAX_EVENTS_PER_TRIGGER} events; an older one is new again`, () => {
	const trigger = 'wf-bound|node|webhook';
	for (let i = 0; i <= MAX_EVENTS_PER_TRIGGER; i++) expect(seenBefore(trigger, `evt_${i}`)).toBe(false);
	expect(seenBefore(trigger, `evt_${MAX_EVENTS_PER_TRIGGER}`)).toBe(true);
	expect(seenBefore(trigger, 'evt_1')).toBe(true);
	expect(seenBefore(trigger, 'evt_0')).toBe(false);
});

test('the 100 triggers heard from last are remembered; the one heard from longest ago is dropped', () => {
	seenBefore('wf-old|node|webhook', 'evt_kept');
	seenBefore('wf-recent|node|webhook', 'evt_kept');
	for (let i = 0; i < 98; i++) seenBefore(`wf-filler-${i}|node|webhook`, 'evt');
	// wf-old was heard from before wf-recent: hearing from wf-old again keeps it among the 100.
	expect(seenBefore('wf-old|node|webhook', 'evt_kept')).toBe(true);
	seenBefore('wf-newcomer|node|webhook', 'evt');
	expect(seenBefore('wf-old|node|webhook', 'evt_kept')).toBe(true);
	expect(seenBefore('wf-recent|node|webhook', 'evt_kept')).toBe(false);
});

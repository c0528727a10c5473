// @ts-check
'use strict';

const { MAX_EVENTS_PER_TRIGGER, recordOnce, seenBefore } = require('../../dist/nodes/WooshPayTrigger/dedup');

/** The trigger's memory of events that started a run in this process: per trigger, and bounded. */
test('an event is recorded once per trigger', () => {
	expect(recordOnce('wf-a|node|webhook', 'evt_1')).toBe(true);
	expect(recordOnce('wf-a|node|webhook', 'evt_1')).toBe(false);
	expect(recordOnce('wf-a|node|manual', 'evt_1')).toBe(true);
	expect(recordOnce('wf-b|node|webhook', 'evt_1')).toBe(true);
});

test('seenBefore only asks: it records nothing', () => {
	expect(seenBefore('wf-ask|node|webhook', 'evt_1')).toBe(false);
	expect(seenBefore('wf-ask|node|webhook', 'evt_1')).toBe(false);
	expect(recordOnce('wf-ask|node|webhook', 'evt_1')).toBe(true);
	expect(seenBefore('wf-ask|node|webhook', 'evt_1')).toBe(true);
	expect(seenBefore('wf-ask|node|webhook', 'evt_2')).toBe(false);
});

test(`each trigger remembers its latest ${MAX_EVENTS_PER_TRIGGER} events; an older one is new again`, () => {
	const trigger = 'wf-bound|node|webhook';
	for (let i = 0; i <= MAX_EVENTS_PER_TRIGGER; i++) expect(recordOnce(trigger, `evt_${i}`)).toBe(true);
	expect(recordOnce(trigger, `evt_${MAX_EVENTS_PER_TRIGGER}`)).toBe(false);
	expect(recordOnce(trigger, 'evt_1')).toBe(false);
	expect(seenBefore(trigger, 'evt_0')).toBe(false);
	expect(recordOnce(trigger, 'evt_0')).toBe(true);
});

test('the 100 triggers heard from last are remembered; the one heard from longest ago is dropped', () => {
	recordOnce('wf-old|node|webhook', 'evt_kept');
	recordOnce('wf-recent|node|webhook', 'evt_kept');
	for (let i = 0; i < 98; i++) recordOnce(`wf-filler-${i}|node|webhook`, 'evt');
	// wf-old was heard from before wf-recent: hearing from wf-old again keeps it among the 100.
	expect(recordOnce('wf-old|node|webhook', 'evt_kept')).toBe(false);
	recordOnce('wf-newcomer|node|webhook', 'evt');
	expect(seenBefore('wf-old|node|webhook', 'evt_kept')).toBe(true);
	expect(seenBefore('wf-recent|node|webhook', 'evt_kept')).toBe(false);
});

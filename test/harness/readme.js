// @ts-check
'use strict';

/** README.md's tables and paragraphs, for tests that hold the README to what the node does. */
const fs = require('node:fs');
const path = require('node:path');

const readme = () => fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

/**
 * The cells of each row of the first table in README's section `## <section>` whose header line
 * starts with `header`, in order.
 * @param {string} section
 * @param {string} header
 * @returns {string[][]}
 */
function readmeTable(section, header) {
	const text = readme()
		.split(/^## /m)
		.find((part) => part.split('\n')[0] === section);
	if (!text) throw new Error(`README has no section "${section}"`);
	const lines = text.split('\n');
	const start = lines.findIndex((line) => line.startsWith(header));
	if (start === -1) throw new Error(`README's "${section}" has no table "${header} ..."`);
	const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
	return lines.slice(start + 2, end === -1 ? undefined : end).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/**
 * README's paragraph that starts with `start`.
 * @param {string} start
 */
function readmeParagraph(start) {
	const paragraph = readme()
		.split('\n\n')
		.find((part) => part.startsWith(start));
	if (!paragraph) throw new Error(`README has no paragraph "${start} ..."`);
	return paragraph;
}

module.exports = { readmeTable, readmeParagraph };

const { src, dest, parallel } = require('gulp');

// Copies the SVG icons next to the compiled files, where the node and credential refer to
// them, and the node's codex file (categories, documentation links) next to the node.
function icons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function codex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:icons'] = parallel(icons, codex);

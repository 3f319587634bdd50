/*
 * The month chart of an entity page: an SVG bar chart (articles naming it, and the part about it)
 * drawn with SVG presentation attributes only (no inline style, so the CSP stays default-src 'self'),
 * described for screen readers, with the same numbers as a table below it.
 */
import { el } from './dom.js';
import { monthLabel } from './format.js';

var SVG = 'http://www.w3.org/2000/svg';
var HEIGHT = 120;
var BAR = 12;
var GAP = 4;

function svg(tag, attrs, text) {
  var node = document.createElementNS(SVG, tag);
  Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, String(attrs[name])); });
  if (text) node.textContent = text;
  return node;
}

/** The chart and its table for a timeline [{month, count, about}]. */
export function monthChart(timeline, name) {
  var months = Array.isArray(timeline) ? timeline.filter(function (m) {
    return m && typeof m.month === 'string' && /^\d{4}-\d{2}$/.test(m.month);
  }) : [];
  var box = el('figure', { class: 'entity-chart', 'data-testid': 'entity-chart' });
  if (!months.length) {
    box.appendChild(el('p', { class: 'facet__none' }, 'No dated articles.'));
    return box;
  }
  var max = Math.max.apply(null, months.map(function (m) { return +m.count || 0; })) || 1;
  var total = months.reduce(function (sum, m) { return sum + (+m.count || 0); }, 0);
  var width = months.length * (BAR + GAP);
  var chart = svg('svg', {
    viewBox: '0 0 ' + width + ' ' + (HEIGHT + 2), width: Math.min(width, 900), height: HEIGHT + 2,
    role: 'img', 'aria-labelledby': 'entity-chart-title', preserveAspectRatio: 'none', class: 'entity-chart__svg'
  });
  chart.appendChild(svg('title', { id: 'entity-chart-title' },
    'Articles naming ' + name + ' per month, ' + monthLabel(months[0].month) + ' to ' +
    monthLabel(months[months.length - 1].month) + ': ' + total + ' in all. The table below lists each month.'));
  months.forEach(function (m, i) {
    var count = +m.count || 0;
    var about = Math.min(+m.about || 0, count);
    var x = i * (BAR + GAP);
    var h = Math.round(count / max * HEIGHT);
    var a = Math.round(about / max * HEIGHT);
    var bar = svg('rect', { x: x, y: HEIGHT - h, width: BAR, height: h, class: 'entity-chart__count' });
    bar.appendChild(svg('title', null, monthLabel(m.month) + ': ' + count + ' articles, ' + about + ' about'));
    chart.appendChild(bar);
    if (a > 0) chart.appendChild(svg('rect', { x: x, y: HEIGHT - a, width: BAR, height: a, class: 'entity-chart__about' }));
  });
  chart.appendChild(svg('line', { x1: 0, y1: HEIGHT + 1, x2: width, y2: HEIGHT + 1, class: 'entity-chart__axis' }));
  box.appendChild(chart);
  box.appendChild(el('figcaption', { class: 'entity-chart__legend' },
    el('span', { class: 'entity-chart__key entity-chart__key--count' }), ' articles naming it ',
    el('span', { class: 'entity-chart__key entity-chart__key--about' }), ' articles about it'));
  var rows = months.map(function (m) {
    return el('tr', null, el('th', { scope: 'row' }, monthLabel(m.month)),
      el('td', null, String(+m.count || 0)), el('td', null, String(+m.about || 0)));
  });
  box.appendChild(el('details', { class: 'entity-chart__table' },
    el('summary', null, 'Show as a table'),
    el('table', { 'data-testid': 'entity-timeline-table' },
      el('caption', { class: 'visually-hidden' }, 'Articles per month'),
      el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'Month'),
        el('th', { scope: 'col' }, 'Articles'), el('th', { scope: 'col' }, 'About'))),
      el('tbody', null, rows))));
  return box;
}

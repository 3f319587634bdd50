/*
 * "Trending this week" on the start page: the people and brands whose share of the last seven days'
 * articles is significantly above their share before (GET api/trending), each linking to its page.
 * A quiet week (a small archive) falls back to the last 30 days, and the heading says so. Loaded
 * once; shown only while the page has no search and no filters.
 */
import { fetchJson } from './api.js';
import { $, clear, el, formatCount } from './dom.js';
import { entityHref } from './links.js';

var MIN_COUNT = 2;
var loaded = null;

function load() {
  var week = 'api/trending?size=8&min=' + MIN_COUNT;
  return fetchJson(week).then(function (data) {
    if (data && Array.isArray(data.entities) && data.entities.length) return { data: data, title: 'Trending this week' };
    if (!data || !/^\d{4}-\d{2}-\d{2}$/.test(data.to)) return null;
    var from = new Date(data.to + 'T00:00:00Z');
    from.setUTCDate(from.getUTCDate() - 29);
    var month = week + '&to=' + data.to + '&from=' + from.toISOString().slice(0, 10);
    return fetchJson(month).then(function (wider) { return { data: wider, title: 'Trending this month' }; });
  }).catch(function () { return null; });
}

export function renderTrending(show) {
  var box = $('trending');
  if (!show) { box.hidden = true; return; }
  if (!loaded) loaded = load();
  loaded.then(function (answer) {
    var entities = answer && answer.data && Array.isArray(answer.data.entities) ? answer.data.entities : [];
    var list = $('trending-list');
    clear(list);
    entities.forEach(function (e) {
      if (!e || typeof e.name !== 'string' || (e.type !== 'person' && e.type !== 'brand')) return;
      list.appendChild(el('li', null,
        el('a', { href: entityHref(e.type, e.name), class: 'chip chip--' + e.type }, e.name),
        el('span', { class: 'facet__count' }, formatCount(+e.count || 0),
          el('span', { class: 'visually-hidden' }, ' articles'))));
    });
    if (answer) $('trending-heading').textContent = answer.title;
    box.hidden = !list.firstChild;
  });
}

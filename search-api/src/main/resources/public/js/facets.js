/*
 * The facet column: one checkbox list per facet (brand, author, person), with "Show more" and a
 * filter box for long lists. The date facet is drawn by histogram.js.
 */
import { $, clear, el, formatCount, plural, toInt } from './dom.js';
import { rememberFocus, restoreFocus } from './focus.js';
import { renderHistogram } from './histogram.js';
import { entityLink } from './links.js';
import { FACETS, state } from './state.js';

var FACET_COLLAPSED = 8;       // values shown before "Show more"
var FACET_FILTER_FROM = 9;     // a filter box appears for lists at least this long

var facetUi = {};  // per facet: { expanded: bool, filter: string } kept across renders
FACETS.forEach(function (f) { facetUi[f.key] = { expanded: false, filter: '' }; });

export function setFacetFilter(key, text) {
  facetUi[key].filter = text;
  applyFacetVisibility(key);
}

export function toggleFacetMore(key) {
  facetUi[key].expanded = !facetUi[key].expanded;
  applyFacetVisibility(key);
}

export function renderFacets(facets) {
  renderHistogram(Array.isArray(facets.date) ? facets.date : []);
  var focus = rememberFocus();
  var box = $('facet-lists');
  clear(box);
  FACETS.forEach(function (f) {
    box.appendChild(renderFacet(f, Array.isArray(facets[f.key]) ? facets[f.key] : []));
  });
  restoreFocus(focus);
}

function renderFacet(f, values) {
  var selected = state[f.key];
  var entries = values
    .filter(function (v) { return v && typeof v.value === 'string' && v.value; })
    .map(function (v) { return { value: v.value, count: toInt(v.count, 0) }; });
  // A selected value that the response does not list must still be shown so it can be unticked.
  selected.forEach(function (value) {
    if (!entries.some(function (e) { return e.value === value; })) entries.unshift({ value: value, count: null });
  });

  var section = el('section', { class: 'facet', 'aria-labelledby': 'facet-' + f.key + '-heading', 'data-testid': 'facet-' + f.key });
  section.appendChild(el('h3', { class: 'facet__title', id: 'facet-' + f.key + '-heading' }, f.label));
  if (!entries.length) {
    section.appendChild(el('p', { class: 'facet__none' }, 'No ' + f.plural + ' in these results.'));
    return section;
  }

  var ui = facetUi[f.key];
  if (entries.length >= FACET_FILTER_FROM) {
    var filterId = 'facet-filter-' + f.key;
    section.appendChild(el('label', { for: filterId, class: 'visually-hidden' }, 'Filter ' + f.plural));
    var input = el('input', {
      type: 'search', id: filterId, class: 'facet__filter', placeholder: 'Filter ' + f.plural + '…',
      autocomplete: 'off', 'data-facet-filter': f.key, 'aria-controls': 'facet-' + f.key + '-list'
    });
    input.value = ui.filter;
    section.appendChild(input);
  }

  var fieldset = el('fieldset', { class: 'facet__fieldset' },
    el('legend', { class: 'visually-hidden' }, f.label));
  var list = el('ul', { class: 'facet__list', id: 'facet-' + f.key + '-list' });
  entries.forEach(function (entry, i) {
    var id = 'f-' + f.key + '-' + i;
    var checked = selected.indexOf(entry.value) >= 0;
    var checkbox = el('input', {
      type: 'checkbox', id: id, 'data-facet': f.key, value: entry.value, name: f.key
    });
    checkbox.checked = checked;
    var countText = entry.count === null ? '' : formatCount(entry.count);
    var label = el('label', { for: id, class: 'facet__label' },
      el('span', { class: 'facet__value' }, entry.value),
      el('span', { class: 'facet__count' }, countText,
        countText ? el('span', { class: 'visually-hidden' }, ' ' + plural(entry.count, 'article', 'articles')) : null));
    list.appendChild(el('li', {
      class: 'facet__item' + (checked ? ' is-checked' : ''), 'data-rank': String(i),
      'data-selected': checked ? 'true' : 'false', 'data-match': entry.value.toLowerCase()
    }, checkbox, label, entityLink(f.key, entry.value)));
  });
  fieldset.appendChild(list);
  section.appendChild(fieldset);

  var more = null;
  if (entries.length > FACET_COLLAPSED) {
    more = el('button', {
      type: 'button', class: 'link-button facet__more', 'data-facet-more': f.key,
      'aria-controls': 'facet-' + f.key + '-list', 'aria-expanded': ui.expanded ? 'true' : 'false'
    });
    section.appendChild(more);
  }
  section.appendChild(el('p', { class: 'facet__nomatch', hidden: true, id: 'facet-' + f.key + '-nomatch' }, 'No match.'));
  applyFacetVisibility(f.key, section);
  return section;
}

/** Shows the first few values (plus any ticked ones) unless expanded, and applies the filter box. */
function applyFacetVisibility(key, section) {
  section = section || document.querySelector('[data-testid="facet-' + key + '"]');
  if (!section) return;
  var ui = facetUi[key];
  var needle = foldForMatch(ui.filter.trim());
  var items = section.querySelectorAll('.facet__item');
  var matching = 0;
  var shown = 0;
  var hiddenByCollapse = 0;
  Array.prototype.forEach.call(items, function (item) {
    var matches = !needle || foldForMatch(item.getAttribute('data-match')).indexOf(needle) >= 0;
    if (matches) matching++;
    var collapsed = !ui.expanded && !needle && +item.getAttribute('data-rank') >= FACET_COLLAPSED &&
      item.getAttribute('data-selected') !== 'true';
    if (matches && collapsed) hiddenByCollapse++;
    item.hidden = !matches || collapsed;
    if (!item.hidden) shown++;
  });
  var more = section.querySelector('.facet__more');
  if (more) {
    more.hidden = !!needle;
    more.setAttribute('aria-expanded', ui.expanded ? 'true' : 'false');
    more.textContent = ui.expanded ? 'Show fewer' : 'Show ' + hiddenByCollapse + ' more';
    if (!ui.expanded && hiddenByCollapse === 0) more.hidden = true;
  }
  var nomatch = section.querySelector('.facet__nomatch');
  if (nomatch) nomatch.hidden = matching > 0 || shown > 0;
}

function foldForMatch(text) {
  text = String(text || '').toLowerCase();
  return text.normalize ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
}

/*
 * The active-filter chips above the results, and keeping focus near a chip the reader removed.
 */
import { $, clear, el } from './dom.js';
import { describeDates } from './format.js';
import { FACETS, filterCount, state } from './state.js';

export function renderActiveFilters() {
  var list = $('active-filters');
  clear(list);
  FACETS.forEach(function (f) {
    state[f.key].forEach(function (value) {
      list.appendChild(el('li', null, el('button', {
        type: 'button', class: 'chip chip--removable', 'data-remove-facet': f.key, 'data-value': value,
        'aria-label': 'Remove filter ' + f.label + ': ' + value
      }, el('span', { class: 'chip__kind' }, f.label), value, el('span', { class: 'chip__x', 'aria-hidden': 'true' }, '×'))));
    });
  });
  if (state.from || state.to) {
    var text = describeDates(state.from, state.to);
    list.appendChild(el('li', null, el('button', {
      type: 'button', class: 'chip chip--removable', 'data-action': 'clear-dates',
      'aria-label': 'Remove filter ' + text
    }, el('span', { class: 'chip__kind' }, 'Date'), text,
    el('span', { class: 'chip__x', 'aria-hidden': 'true' }, '×'))));
  }
  if (filterCount(state) > 1) {
    list.appendChild(el('li', null, el('button', {
      type: 'button', class: 'link-button', 'data-action': 'clear-filters'
    }, 'Clear all filters')));
  }
  $('active-filters-section').hidden = !list.firstChild;
}

/** After a removable chip disappears, keep keyboard focus nearby instead of losing it to <body>. */
export function focusAfterRemoval(chip) {
  var li = chip.closest('li');
  var sibling = li && (li.nextElementSibling || li.previousElementSibling);
  var key = sibling && sibling.querySelector('button');
  var fallback = key ? { facet: key.getAttribute('data-remove-facet'), value: key.getAttribute('data-value'), action: key.getAttribute('data-action') } : null;
  setTimeout(function () {
    var target = null;
    if (fallback && fallback.facet) {
      target = Array.prototype.filter.call(document.querySelectorAll('#active-filters [data-remove-facet]'), function (b) {
        return b.getAttribute('data-remove-facet') === fallback.facet && b.getAttribute('data-value') === fallback.value;
      })[0];
    } else if (fallback && fallback.action) {
      target = document.querySelector('#active-filters [data-action="' + fallback.action + '"]');
    }
    (target || $('q')).focus();
  }, 0);
}

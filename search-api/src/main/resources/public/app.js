/*
 * Readers' search page for the car-news search API: the entry module. It wires the page's events
 * (all delegated; no inline handlers) to the modules under js/ and runs the first search.
 *
 * Native ES modules, no dependencies, no build step (the page runs under a Content-Security-Policy of
 * default-src 'self'). Safety rule: article text is only ever put into the page with textContent or
 * attribute setters; the one exception is the search snippet (see js/results.js).
 *
 * The URL is the whole state (q, brand*, author*, person*, from, to, sort, page, size), so a copied URL
 * shows the same results and back/forward replay earlier searches (see js/state.js).
 */
import { $, isModifiedClick } from './js/dom.js';
import { setFacetFilter, toggleFacetMore } from './js/facets.js';
import { showEntity } from './js/entity.js';
import { focusAfterRemoval } from './js/filters.js';
import { onHistogramKey, selectMonth } from './js/histogram.js';
import { entityFromPath } from './js/links.js';
import { scrollToResults } from './js/pager.js';
import { toggleRelated } from './js/related.js';
import { toggleVersions } from './js/versions.js';
import { search } from './js/search.js';
import {
  SORTS, addFilter, clearFilters, emptyState, navigate, onNavigate, removeFilter, setDates, setState,
  state, stateFromUrl, validDate, withChange
} from './js/state.js';
import {
  activeSuggestion, chooseSuggestion, closeSuggestions, moveSuggestion, scheduleSuggest, submitQuery
} from './js/suggest.js';

function bind() {
  $('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    if (activeSuggestion() >= 0) { chooseSuggestion(activeSuggestion()); return; }
    submitQuery($('q').value);
  });

  var q = $('q');
  q.addEventListener('input', scheduleSuggest);
  q.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') { if (moveSuggestion(1)) event.preventDefault(); }
    else if (event.key === 'ArrowUp') { if (moveSuggestion(-1)) event.preventDefault(); }
    else if (event.key === 'Escape' && !$('suggestions').hidden) { event.preventDefault(); closeSuggestions(); }
  });
  q.addEventListener('blur', function () { setTimeout(closeSuggestions, 150); });
  $('suggestions').addEventListener('mousedown', function (event) {
    var item = event.target.closest('[data-index]');
    if (!item) return;
    event.preventDefault(); // keep focus in the input
    chooseSuggestion(+item.getAttribute('data-index'));
  });

  $('sort').addEventListener('change', function () {
    var sort = $('sort').value;
    navigate(withChange(function (s) { s.sort = SORTS.indexOf(sort) >= 0 ? sort : 'relevance'; s.page = 1; }));
  });

  $('date-form').addEventListener('submit', function (event) {
    event.preventDefault();
    setDates(validDate($('from').value), validDate($('to').value));
  });
  $('date-clear').addEventListener('click', function () { setDates('', ''); });

  $('histogram').addEventListener('click', function (event) {
    var bar = event.target.closest('[data-month]');
    if (bar) selectMonth(bar.getAttribute('data-month'), event.shiftKey);
  });
  $('histogram').addEventListener('keydown', onHistogramKey);

  $('facet-lists').addEventListener('change', function (event) {
    var box = event.target;
    if (!box.matches('input[type="checkbox"][data-facet]')) return;
    var facet = box.getAttribute('data-facet');
    var value = box.value;
    if (box.checked) addFilter(facet, value);
    else removeFilter(facet, value);
  });
  $('facet-lists').addEventListener('input', function (event) {
    var key = event.target.getAttribute('data-facet-filter');
    if (!key) return;
    setFacetFilter(key, event.target.value);
  });
  $('facet-lists').addEventListener('click', function (event) {
    var more = event.target.closest('[data-facet-more]');
    if (!more) return;
    toggleFacetMore(more.getAttribute('data-facet-more'));
  });

  // Chips, author links, removable filters, retry, related: one click handler for the results pane.
  $('main').addEventListener('click', function (event) {
    var target = event.target.closest('button, a');
    if (!target) return;
    if (target.hasAttribute('data-toggle-facet')) {
      var toggled = target.getAttribute('data-toggle-facet');
      var toggledValue = target.getAttribute('data-value');
      if (state[toggled].indexOf(toggledValue) >= 0) removeFilter(toggled, toggledValue);
      else addFilter(toggled, toggledValue);
    } else if (target.hasAttribute('data-remove-facet')) {
      var facet = target.getAttribute('data-remove-facet');
      var value = target.getAttribute('data-value');
      focusAfterRemoval(target);
      removeFilter(facet, value);
    } else if (target.getAttribute('data-action') === 'clear-filters') {
      clearFilters();
      $('q').focus();
    } else if (target.getAttribute('data-action') === 'clear-dates') {
      focusAfterRemoval(target);
      setDates('', '');
    } else if (target.getAttribute('data-action') === 'retry') {
      search();
    } else if (target.hasAttribute('data-related')) {
      toggleRelated(target);
    } else if (target.hasAttribute('data-versions')) {
      toggleVersions(target);
    } else if (target.hasAttribute('data-page') && !isModifiedClick(event)) {
      event.preventDefault();
      navigate(withChange(function (s) { s.page = +target.getAttribute('data-page'); }), { focusResults: true });
      scrollToResults();
    }
  });

  $('filters-toggle').addEventListener('click', function () {
    var open = $('filters-toggle').getAttribute('aria-expanded') !== 'true';
    $('filters-toggle').setAttribute('aria-expanded', open ? 'true' : 'false');
    $('layout').classList.toggle('facets-open', open);
  });

  $('home').addEventListener('click', function (event) {
    if (isModifiedClick(event)) return;
    event.preventDefault();
    $('q').value = '';
    navigate(emptyState());
    $('q').focus();
  });

  window.addEventListener('popstate', function () {
    setState(stateFromUrl(location.search));
    $('q').value = state.q;
    search();
  });
}

/**
 * An entity page (/entity/{type}/{name}) is a page of its own: the search form leads back to the
 * search page (a real navigation, so back returns here), and the entity view replaces the results.
 */
function startEntity(entity) {
  $('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var q = $('q').value.trim();
    location.assign(new URL('./' + (q ? '?' + new URLSearchParams({ q: q }).toString() : ''), document.baseURI).href);
  });
  showEntity(entity);
}

function start() {
  var entity = entityFromPath(location.pathname);
  if (entity) {
    startEntity(entity);
    return;
  }
  onNavigate(search);
  bind();
  $('q').value = state.q;
  search();
}

// Module scripts run after parsing, like the old deferred script; the check keeps it safe anywhere.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

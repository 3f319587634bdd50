/*
 * The URL is the whole state (q, brand*, author*, person*, from, to, sort, page, size, versions, mode), so a copied URL
 * shows the same results and back/forward replay earlier searches. This module holds the current state,
 * its URL form, and the moves between states (navigate records each move in history, then searches).
 */

export var FACETS = [
  { key: 'brand', label: 'Brand', plural: 'brands' },
  { key: 'author', label: 'Author', plural: 'authors' },
  { key: 'person', label: 'Person', plural: 'people' }
];
export var SORTS = ['relevance', 'newest', 'oldest'];
// Readers search by words and meaning together unless the URL asks for one of them alone.
export var MODES = ['hybrid', 'keyword', 'semantic'];

export function emptyState() {
  return { q: '', brand: [], author: [], person: [], from: '', to: '', sort: 'relevance', page: 1, size: null, versions: '', mode: 'hybrid' };
}

export function stateFromUrl(search) {
  var params = new URLSearchParams(search);
  var state = emptyState();
  state.q = (params.get('q') || '').trim();
  FACETS.forEach(function (f) {
    state[f.key] = unique(params.getAll(f.key).map(function (v) { return v.trim(); }).filter(Boolean));
  });
  state.from = validDate(params.get('from'));
  state.to = validDate(params.get('to'));
  var sort = params.get('sort');
  state.sort = SORTS.indexOf(sort) >= 0 ? sort : 'relevance';
  var page = parseInt(params.get('page'), 10);
  state.page = page > 0 ? page : 1;
  var size = parseInt(params.get('size'), 10);
  state.size = size > 0 ? size : null;
  // Versions of one story show as one hit unless the URL asks for every version (versions=all).
  state.versions = params.get('versions') === 'all' ? 'all' : '';
  var mode = params.get('mode');
  state.mode = MODES.indexOf(mode) >= 0 ? mode : 'hybrid';
  return state;
}

export function stateToParams(state) {
  var params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  FACETS.forEach(function (f) {
    state[f.key].forEach(function (v) { params.append(f.key, v); });
  });
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.size) params.set('size', String(state.size));
  if (state.versions === 'all') params.set('versions', 'all');
  if (state.mode && state.mode !== 'hybrid') params.set('mode', state.mode);
  return params;
}

export function stateToUrl(state) {
  var qs = stateToParams(state).toString();
  return location.pathname + (qs ? '?' + qs : '');
}

export function validDate(value) {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

export function unique(values) {
  var seen = Object.create(null);
  return values.filter(function (v) {
    if (seen[v]) return false;
    seen[v] = true;
    return true;
  });
}

export function copyState(state) {
  var copy = Object.assign({}, state);
  FACETS.forEach(function (f) { copy[f.key] = state[f.key].slice(); });
  return copy;
}

export function hasFilters(state) {
  return FACETS.some(function (f) { return state[f.key].length > 0; }) || !!state.from || !!state.to;
}

export function filterCount(state) {
  var n = (state.from || state.to) ? 1 : 0;
  FACETS.forEach(function (f) { n += state[f.key].length; });
  return n;
}

// ---------------------------------------------------------------------------------------------
// The page's current state (a live binding: importers always see the latest value)

export var state = stateFromUrl(location.search);

export function setState(next) {
  state = next;
}

// navigate() ends in a search; the entry module supplies it (search.js renders every module).
var runSearch = function () {};

export function onNavigate(search) {
  runSearch = search;
}

/** Moves to a new state: records it in history, then searches. */
export function navigate(next, options) {
  options = options || {};
  state = next;
  var url = stateToUrl(state);
  if (url !== location.pathname + location.search) {
    history.pushState(null, '', url);
  }
  runSearch(options);
}

export function withChange(mutator) {
  var next = copyState(state);
  mutator(next);
  return next;
}

export function addFilter(facet, value) {
  if (state[facet].indexOf(value) >= 0) return;
  navigate(withChange(function (s) { s[facet].push(value); s.page = 1; }));
}

export function removeFilter(facet, value) {
  navigate(withChange(function (s) {
    s[facet] = s[facet].filter(function (v) { return v !== value; });
    s.page = 1;
  }));
}

export function clearFilters() {
  navigate(withChange(function (s) {
    FACETS.forEach(function (f) { s[f.key] = []; });
    s.from = '';
    s.to = '';
    s.page = 1;
  }));
}

export function setDates(from, to) {
  if (from && to && from > to) { var t = from; from = to; to = t; }
  navigate(withChange(function (s) { s.from = from || ''; s.to = to || ''; s.page = 1; }));
}

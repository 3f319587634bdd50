/*
 * Running a search for the current state and rendering its answer (or the error/welcome text).
 */
import { ApiError, fetchJson } from './api.js';
import { $, toInt } from './dom.js';
import { renderEmpty, renderError, renderWelcome } from './empty.js';
import { renderFacets } from './facets.js';
import { renderActiveFilters } from './filters.js';
import { renderPager } from './pager.js';
import { renderHits, renderNotices, renderSummary } from './results.js';
import { renderTrending } from './trending.js';
import { filterCount, hasFilters, setState, state, stateToParams, stateToUrl, withChange } from './state.js';

var requestSeq = 0;
var inFlight = null;
var loadingTimer = null;

export function search(options) {
  options = options || {};
  syncControls();
  if (inFlight) inFlight.abort();
  var controller = typeof AbortController === 'function' ? new AbortController() : null;
  inFlight = controller;
  var seq = ++requestSeq;
  setLoading(true);
  var params = stateToParams(state);
  if (!state.size) params.set('size', '10');
  // The page shows one hit per story (its versions behind "N more versions") unless versions=all.
  params.delete('versions');
  if (state.versions !== 'all') params.set('collapse', 'story');
  params.set('mode', state.mode || 'hybrid');
  return fetchJson('api/search?' + params.toString(), controller ? controller.signal : undefined)
    .then(function (data) {
      if (seq !== requestSeq) return;
      // A shared URL may point past the last page (the index changed): go to the last real page.
      var pages = toInt(data.pages, 0);
      if (state.page > 1 && pages > 0 && state.page > pages && !options.clamped) {
        setState(withChange(function (s) { s.page = pages; }));
        history.replaceState(null, '', stateToUrl(state));
        search({ clamped: true, focusResults: options.focusResults });
        return;
      }
      renderResponse(data);
      if (options.focusResults) $('results-heading').focus();
    })
    .catch(function (err) {
      if (seq !== requestSeq || (err && err.name === 'AbortError')) return;
      if (err instanceof ApiError && err.status === 400 && !state.q && !hasFilters(state)) {
        renderWelcome(); // an API that requires q: the bare page invites a search instead of failing
        return;
      }
      renderError(err instanceof ApiError ? err.message : 'Something went wrong while searching.');
    })
    .then(function () {
      if (seq === requestSeq) {
        setLoading(false);
        inFlight = null;
      }
    });
}

/**
 * Dims the old results and, if the answer is slow, shows "Searching…". The summary (a live region
 * holding #total) is left alone until the new count arrives, so it never flickers.
 */
function setLoading(loading) {
  $('main').classList.toggle('is-loading', loading);
  $('main').setAttribute('data-state', loading ? 'loading' : 'ready');
  $('results').setAttribute('aria-busy', loading ? 'true' : 'false');
  clearTimeout(loadingTimer);
  if (loading) {
    loadingTimer = setTimeout(function () { $('loading').hidden = false; }, 250);
  } else {
    $('loading').hidden = true;
  }
}

function syncControls() {
  var q = $('q');
  if (document.activeElement !== q || q.value.trim() === '') q.value = state.q;
  $('sort').value = state.sort;
  $('from').value = state.from;
  $('to').value = state.to;
  var n = filterCount(state);
  $('filters-count').textContent = n ? '(' + n + ')' : '';
  document.title = (state.q ? '“' + state.q + '” – ' : '') + 'Car news search';
  renderActiveFilters();
}

function renderResponse(data) {
  $('error').hidden = true;
  var hits = Array.isArray(data.hits) ? data.hits : [];
  var total = toInt(data.total, hits.length);
  renderSummary(total, data);
  renderNotices(data, total);
  renderHits(hits);
  renderEmpty(total === 0, data);
  renderPager(toInt(data.page, state.page), toInt(data.pages, 0));
  renderFacets(data.facets || {});
  renderTrending(!state.q && !hasFilters(state) && state.page === 1);
}

/*
 * Autocomplete for the search box: only when /api/suggest answers; a 404 (not built yet) turns it
 * off silently.
 */
import { $, clear, el } from './dom.js';
import { navigate, withChange } from './state.js';

var SUGGEST_DELAY_MS = 180;

var suggest = { enabled: true, timer: null, seq: 0, items: [], active: -1, controller: null };

/** Index of the highlighted suggestion, or -1. */
export function activeSuggestion() {
  return suggest.active;
}

export function scheduleSuggest() {
  if (!suggest.enabled) return;
  clearTimeout(suggest.timer);
  var prefix = $('q').value.trim();
  if (prefix.length < 2) { closeSuggestions(); return; }
  suggest.timer = setTimeout(function () { fetchSuggestions(prefix); }, SUGGEST_DELAY_MS);
}

function fetchSuggestions(prefix) {
  var seq = ++suggest.seq;
  if (suggest.controller) suggest.controller.abort();
  suggest.controller = typeof AbortController === 'function' ? new AbortController() : null;
  fetch('api/suggest?q=' + encodeURIComponent(prefix), {
    headers: { Accept: 'application/json' },
    signal: suggest.controller ? suggest.controller.signal : undefined
  }).then(function (response) {
    if (response.status === 404 || response.status === 405 || response.status === 501) {
      suggest.enabled = false;
      return null;
    }
    return response.ok ? response.json() : null;
  }).then(function (data) {
    if (seq !== suggest.seq || !data || $('q').value.trim() !== prefix) return;
    var items = Array.isArray(data.suggestions) ? data.suggestions : [];
    showSuggestions(items.map(function (s) {
      if (typeof s === 'string') return { text: s, type: '' };
      return s && typeof s.text === 'string' ? { text: s.text, type: typeof s.type === 'string' ? s.type : '' } : null;
    }).filter(Boolean).slice(0, 10));
  }).catch(function () { /* suggestions are optional: a failure shows none */ });
}

function showSuggestions(items) {
  var list = $('suggestions');
  clear(list);
  suggest.items = items;
  suggest.active = -1;
  $('q').removeAttribute('aria-activedescendant');
  if (!items.length || document.activeElement !== $('q')) { closeSuggestions(); return; }
  items.forEach(function (item, i) {
    list.appendChild(el('li', {
      id: 'suggestion-' + i, role: 'option', class: 'suggestions__item', 'aria-selected': 'false', 'data-index': String(i)
    }, el('span', { class: 'suggestions__text' }, item.text),
    item.type ? el('span', { class: 'suggestions__type' }, item.type) : null));
  });
  list.hidden = false;
  $('q').setAttribute('aria-expanded', 'true');
}

export function closeSuggestions() {
  var list = $('suggestions');
  list.hidden = true;
  clear(list);
  suggest.items = [];
  suggest.active = -1;
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
}

export function moveSuggestion(delta) {
  if (!suggest.items.length) return false;
  var n = suggest.items.length;
  suggest.active = suggest.active < 0 && delta < 0 ? n - 1 : (suggest.active + delta + n) % n;
  Array.prototype.forEach.call($('suggestions').children, function (li, i) {
    li.setAttribute('aria-selected', i === suggest.active ? 'true' : 'false');
    li.classList.toggle('is-active', i === suggest.active);
  });
  $('q').setAttribute('aria-activedescendant', 'suggestion-' + suggest.active);
  return true;
}

export function chooseSuggestion(index) {
  var item = suggest.items[index];
  if (!item) return;
  $('q').value = item.text;
  closeSuggestions();
  submitQuery(item.text);
}

export function submitQuery(text) {
  clearTimeout(suggest.timer);
  suggest.seq++;
  closeSuggestions();
  navigate(withChange(function (s) { s.q = text.trim(); s.page = 1; }));
}

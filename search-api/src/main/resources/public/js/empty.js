/*
 * The states with no results to list: an empty result (with ways to broaden it), a failed search,
 * and the welcome text on a bare page.
 */
import { $, append, clear, el, isModifiedClick } from './dom.js';
import { describeDates } from './format.js';
import { didYouMeanLink } from './results.js';
import { FACETS, filterCount, hasFilters, navigate, state, stateToUrl, withChange } from './state.js';

export function renderEmpty(isEmpty, data) {
  var box = $('empty');
  clear(box);
  box.hidden = !isEmpty;
  if (!isEmpty) return;
  var what = [];
  if (state.q) what.push(el('q', null, state.q));
  var filters = describeFilters(state);
  var sentence = el('p', { class: 'empty__title' }, 'No articles match ');
  if (state.q) {
    append(sentence, what);
    if (filters) append(sentence, [' with ', filters]);
  } else if (filters) {
    append(sentence, filters);
  } else {
    append(sentence, 'an empty search — the index may still be filling');
  }
  sentence.appendChild(document.createTextNode('.'));
  box.appendChild(sentence);

  var actions = el('ul', { class: 'empty__actions' });
  if (typeof data.didYouMean === 'string' && data.didYouMean) {
    actions.appendChild(el('li', { 'data-testid': 'did-you-mean' }, 'Did you mean ', didYouMeanLink(data.didYouMean), '?'));
  }
  if (hasFilters(state)) {
    actions.appendChild(el('li', null, el('button', {
      type: 'button', class: 'button', 'data-action': 'clear-filters', id: 'broaden'
    }, state.q ? 'Search “' + state.q + '” without filters' : 'Remove all filters')));
    if ((state.from || state.to) && filterCount(state) > 1) {
      actions.appendChild(el('li', null, el('button', {
        type: 'button', class: 'button button--quiet', 'data-action': 'clear-dates'
      }, 'Keep the other filters, any date')));
    }
  } else if (state.q) {
    var broader = broaderQuery(state.q);
    if (broader) {
      var next = withChange(function (s) { s.q = broader; s.page = 1; });
      var link = el('a', { href: stateToUrl(next), id: 'broaden' }, 'Search for ', el('q', null, broader), ' instead');
      link.addEventListener('click', function (event) {
        if (isModifiedClick(event)) return;
        event.preventDefault();
        navigate(next);
      });
      actions.appendChild(el('li', null, link));
    }
    actions.appendChild(el('li', null, 'Check the spelling, or try fewer or more general words.'));
  }
  if (actions.firstChild) box.appendChild(actions);
}

/** A simpler query: without quotes and exclusions, or else without its last word. */
function broaderQuery(q) {
  var simpler = q.replace(/"/g, ' ').replace(/(^|\s)-\S+/g, ' ').replace(/\s+/g, ' ').trim();
  if (simpler && simpler !== q) return simpler;
  var words = q.split(/\s+/).filter(Boolean);
  return words.length > 1 ? words.slice(0, -1).join(' ') : '';
}

function describeFilters(s) {
  var parts = [];
  FACETS.forEach(function (f) {
    if (s[f.key].length) parts.push(f.label.toLowerCase() + ' ' + s[f.key].join(' or '));
  });
  var dates = describeDates(s.from, s.to);
  if (dates) parts.push(/^(from|until) /.test(dates) ? 'dated ' + dates : 'dated ' + dates.replace(' – ', ' to '));
  return parts.join(', ');
}

export function renderError(message) {
  var box = $('error');
  clear(box);
  box.appendChild(el('p', { class: 'error__message' }, el('strong', null, 'Search failed: '), message));
  box.appendChild(el('button', { type: 'button', class: 'button button--small', 'data-action': 'retry' }, 'Try again'));
  box.hidden = false;
  $('summary').textContent = 'Search failed.';
  clear($('results'));
  clear($('notices'));
  $('empty').hidden = true;
  $('pager').hidden = true;
}

export function renderWelcome() {
  $('error').hidden = true;
  clear($('results'));
  clear($('notices'));
  $('pager').hidden = true;
  $('summary').textContent = 'Type a search to find car news.';
  var box = $('empty');
  clear(box);
  box.appendChild(el('p', { class: 'empty__title' }, 'Search by brand, model, person or topic, for example ',
    el('q', null, 'electric SUV'), ' or ', el('q', null, 'plug-in hybrid ute'), '.'));
  box.hidden = false;
}

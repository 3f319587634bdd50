/*
 * The entity page (/entity/{type}/{name}): who or what it is, its coverage per month, the people and
 * brands most significantly named with it, its authors, its latest and most salient stories, and a
 * feed to follow it. Rendered from GET api/entities/{type}/{name}; every name goes in as text.
 */
import { ApiError, fetchJson } from './api.js';
import { $, clear, el, formatCount, plural } from './dom.js';
import { monthChart } from './chart.js';
import { renderDate, safeUrl } from './format.js';
import { entityFeedHref, entityHref, setAlternateFeed } from './links.js';
import { setSnippet } from './results.js';

var KIND = { person: 'Person', brand: 'Brand', author: 'Author' };

/** Shows the entity view instead of the search layout and loads the entity. */
export function showEntity(entity) {
  $('layout').hidden = true;
  var view = $('entity-view');
  view.hidden = false;
  view.setAttribute('data-state', 'loading');
  document.title = entity.name + ' – Car news search';
  setAlternateFeed(entityFeedHref(entity.type, entity.name), entity.name + ' – Car news search');
  clear(view);
  view.appendChild(el('p', { class: 'loading' }, 'Loading…'));
  return fetchJson('api/entities/' + entity.type + '/' + encodeURIComponent(entity.name) + '?size=5')
    .then(function (page) { renderEntity(view, entity, page); })
    .catch(function (err) {
      clear(view);
      var message = err instanceof ApiError && err.status === 404
        ? 'The archive has no ' + entity.type + ' named “' + entity.name + '”.'
        : (err && err.message) || 'Something went wrong.';
      view.appendChild(el('h2', { id: 'entity-name', class: 'entity__name' }, entity.name));
      view.appendChild(el('div', { class: 'error', role: 'alert' }, message));
      view.appendChild(el('p', null, el('a', { href: './' }, 'Back to the search')));
      view.setAttribute('data-state', 'error');
    });
}

function renderEntity(view, entity, page) {
  clear(view);
  var name = typeof page.name === 'string' ? page.name : entity.name;
  var type = KIND[page.type] ? page.type : entity.type;
  document.title = name + ' – Car news search';
  var searchHref = './?' + new URLSearchParams([[type, name], ['sort', 'newest']]).toString();
  var count = +page.count || 0;
  var facts = [formatCount(count) + ' ' + plural(count, 'article', 'articles')];
  if (type !== 'author') facts.push(formatCount(+page.aboutCount || 0) + ' about ' + (type === 'person' ? 'them' : 'it'));
  var seen = el('p', { class: 'entity__seen' });
  if (page.firstSeen) seen.append('From ', renderDate(page.firstSeen), ' to ', renderDate(page.lastSeen));
  view.appendChild(el('header', { class: 'entity__header' },
    el('p', { class: 'entity__kind chip chip--' + (type === 'brand' ? 'brand' : 'person') }, KIND[type]),
    el('h2', { id: 'entity-name', class: 'entity__name', 'data-testid': 'entity-name' }, name),
    spellings(page.spellings, name),
    el('p', { class: 'entity__facts', 'data-testid': 'entity-count' }, facts.join(' · ')),
    seen,
    el('p', { class: 'entity__actions' },
      el('a', { href: searchHref, class: 'button button--small' }, 'Search these articles'), ' ',
      el('a', { href: entityFeedHref(type, name), class: 'button button--small', 'data-testid': 'follow-feed',
        type: 'application/atom+xml' }, 'Follow (Atom feed)'))));
  view.appendChild(section('Coverage by month', 'entity-months', monthChart(page.timeline, name)));
  var associated = page.associated || {};
  view.appendChild(section('Often named with', 'entity-associated',
    el('div', { class: 'entity__columns' },
      nameList('People', 'person', associated.persons, 'entity-people'),
      nameList('Brands', 'brand', associated.brands, 'entity-brands'),
      nameList('Top authors', 'author', page.authors, 'entity-authors'))));
  view.appendChild(section('Latest stories', 'entity-latest', storyList(page.latest, 'entity-latest-list')));
  if (type !== 'author') {
    view.appendChild(section('Most about ' + name, 'entity-salient', storyList(page.salient, 'entity-salient-list')));
  }
  view.setAttribute('data-state', 'ready');
}

function spellings(list, name) {
  var others = Array.isArray(list) ? list.filter(function (s) { return typeof s === 'string' && s !== name; }) : [];
  return others.length ? el('p', { class: 'entity__spellings' }, 'Also written ' + others.join(', ')) : null;
}

function section(title, id, content) {
  return el('section', { class: 'entity__section', 'aria-labelledby': id + '-heading' },
    el('h3', { id: id + '-heading', class: 'entity__section-title' }, title), content);
}

function nameList(title, type, items, testId) {
  var list = el('ol', { class: 'entity__names', 'data-testid': testId });
  (Array.isArray(items) ? items : []).forEach(function (item) {
    if (!item || typeof item.name !== 'string') return;
    var n = +item.count || 0;
    list.appendChild(el('li', null,
      el('a', { href: entityHref(type, item.name) }, item.name),
      el('span', { class: 'facet__count', title: typeof item.score === 'number' ? 'significance ' + item.score : null },
        formatCount(n), el('span', { class: 'visually-hidden' }, ' ' + plural(n, 'article', 'articles') + ' together'))));
  });
  return el('div', { class: 'entity__list' }, el('h4', null, title),
    list.firstChild ? list : el('p', { class: 'facet__none' }, 'None.'));
}

function storyList(hits, testId) {
  var list = el('ol', { class: 'entity__stories', 'data-testid': testId });
  (Array.isArray(hits) ? hits : []).forEach(function (hit) {
    if (!hit) return;
    var title = typeof hit.title === 'string' && hit.title.trim() ? hit.title : 'Untitled article';
    var url = safeUrl(hit.url);
    var snippet = el('p', { class: 'hit__snippet' });
    setSnippet(snippet, hit.snippet);
    list.appendChild(el('li', { class: 'entity__story' },
      el('h4', { class: 'hit__title' }, url ? el('a', { href: url, rel: 'noopener' }, title) : title),
      el('p', { class: 'hit__meta' }, renderDate(hit.published)),
      snippet.firstChild ? snippet : null));
  });
  return list.firstChild ? list : el('p', { class: 'facet__none' }, 'None.');
}

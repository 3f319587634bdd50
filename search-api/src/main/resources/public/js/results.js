/*
 * The result list: summary line, notices (did you mean, interpretation) and one entry per hit.
 * Article text only ever goes in with textContent or attribute setters; the one exception is the
 * search snippet, inserted as HTML only after checking that its only tags are <mark> and </mark>.
 */
import { $, append, clear, el, formatCount, isModifiedClick, plural, toInt } from './dom.js';
import { hostOf, renderDate, safeUrl, stringList } from './format.js';
import { entityLink } from './links.js';
import { relatedBlock } from './related.js';
import { versionsBlock } from './versions.js';
import { navigate, state, stateToUrl, withChange } from './state.js';

var hitCounter = 0;  // makes element ids unique however odd the article ids are

export function renderSummary(total, data) {
  var summary = $('summary');
  clear(summary);
  var parts = [el('span', { id: 'total', 'data-testid': 'total' }, formatCount(total)), ' ',
    plural(total, 'article', 'articles')];
  if (state.q) parts.push(' for ', el('q', { class: 'summary__query' }, state.q));
  var pages = toInt(data.pages, 0);
  if (pages > 1) parts.push(' · page ' + toInt(data.page, state.page) + ' of ' + pages);
  if (typeof data.tookMs === 'number') {
    parts.push(el('span', { class: 'summary__took', 'aria-hidden': 'true' }, ' (' + data.tookMs + ' ms)'));
  }
  append(summary, parts);
}

export function renderNotices(data, total) {
  var box = $('notices');
  clear(box);
  // When the results already are for the correction, the interpretation says so; no second notice.
  var corrected = data.interpretation && data.interpretation.match === 'corrected';
  if (typeof data.didYouMean === 'string' && data.didYouMean && total > 0 && !corrected) {
    box.appendChild(el('p', { class: 'notice', 'data-testid': 'did-you-mean' },
      'Did you mean ', didYouMeanLink(data.didYouMean), '?'));
  }
  var reading = describeInterpretation(data.interpretation);
  if (reading) box.appendChild(el('p', { class: 'notice notice--quiet', 'data-testid': 'interpretation' }, reading));
}

export function didYouMeanLink(text) {
  var next = withChange(function (s) { s.q = text; s.page = 1; });
  var link = el('a', { href: stateToUrl(next), class: 'did-you-mean' }, el('strong', null, text));
  link.addEventListener('click', function (event) {
    if (isModifiedClick(event)) return;
    event.preventDefault();
    navigate(next);
  });
  return link;
}

/** The interpretation's shape is not fixed yet: accept a string or an object with common fields. */
function describeInterpretation(value) {
  if (!value) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return '';
  var text = ['description', 'summary', 'text', 'readAs'].map(function (k) { return value[k]; })
    .filter(function (v) { return typeof v === 'string' && v; })[0];
  if (text) return text;
  var found = [];
  [['brands', 'brand'], ['persons', 'person'], ['people', 'person'], ['authors', 'author']].forEach(function (pair) {
    var list = value[pair[0]];
    if (Array.isArray(list)) {
      list.forEach(function (item) {
        var name = typeof item === 'string' ? item : item && (item.value || item.name || item.text);
        if (typeof name === 'string' && name) found.push(name + ' (' + pair[1] + ')');
      });
    }
  });
  return found.length ? 'Read your search as: ' + found.join(', ') : '';
}

export function renderHits(hits) {
  var list = $('results');
  clear(list);
  hits.forEach(function (hit) { list.appendChild(renderHit(hit || {})); });
}

function renderHit(hit) {
  var title = typeof hit.title === 'string' && hit.title.trim() ? hit.title : 'Untitled article';
  var url = safeUrl(hit.url);
  var headingId = 'hit-' + (++hitCounter);
  var heading = el('h3', { class: 'hit__title', id: headingId },
    url ? el('a', { href: url, rel: 'noopener' }, title) : el('span', null, title));

  var meta = el('p', { class: 'hit__meta' }, renderDate(hit.published));
  var authors = authorsOf(hit);
  if (authors.length) {
    meta.appendChild(el('span', { class: 'hit__sep', 'aria-hidden': 'true' }, '·'));
    var by = el('span', { class: 'hit__authors' }, 'By ');
    authors.forEach(function (name, i) {
      if (i > 0) by.appendChild(document.createTextNode(i === authors.length - 1 ? ' and ' : ', '));
      by.appendChild(filterButton('author', name, 'link-button', 'Show articles by ' + name));
    });
    meta.appendChild(by);
  }
  var host = hostOf(url);
  if (host) {
    meta.appendChild(el('span', { class: 'hit__sep', 'aria-hidden': 'true' }, '·'));
    meta.appendChild(el('span', { class: 'hit__host' }, host));
  }

  var snippet = el('p', { class: 'hit__snippet' });
  setSnippet(snippet, hit.snippet);

  var chips = el('ul', { class: 'chip-list hit__chips', 'aria-label': 'Brands and people in this article' });
  stringList(hit.brands).forEach(function (b) {
    chips.appendChild(el('li', null, filterButton('brand', b, 'chip chip--brand', 'Filter by brand ' + b),
      entityLink('brand', b)));
  });
  stringList(hit.persons).forEach(function (p) {
    chips.appendChild(el('li', null, filterButton('person', p, 'chip chip--person', 'Filter by person ' + p),
      entityLink('person', p)));
  });

  var article = el('article', { class: 'hit__body', 'aria-labelledby': headingId },
    heading, meta, snippet.firstChild ? snippet : null, chips.firstChild ? chips : null);
  var story = hit.story || {};
  if (typeof story.id === 'string' && toInt(story.versions, 1) > 1) {
    article.appendChild(versionsBlock(story.id, toInt(story.versions, 1) - 1, String(hit.id), headingId));
  }
  if (hit.id !== undefined && hit.id !== null && hit.id !== '') article.appendChild(relatedBlock(String(hit.id), headingId));
  return el('li', { class: 'hit', 'data-id': hit.id !== undefined ? String(hit.id) : null }, article);
}

/**
 * A chip or link-like button that toggles a filter (aria-pressed says whether it is on). The visible
 * text is part of the accessible name, so speech users can say what they see.
 */
function filterButton(facet, value, className, hint) {
  var active = state[facet].indexOf(value) >= 0;
  var button = el('button', {
    type: 'button', class: className + (active ? ' is-active' : ''),
    'data-toggle-facet': facet, 'data-value': value,
    'aria-pressed': active ? 'true' : 'false',
    title: active ? 'Remove the filter ' + value : hint
  });
  if (className.indexOf('chip') >= 0) {
    button.appendChild(el('span', { class: 'visually-hidden' }, 'Filter by '));
    button.appendChild(el('span', { class: 'chip__kind' }, facet === 'brand' ? 'Brand' : 'Person'));
    button.appendChild(document.createTextNode(' '));
  }
  button.appendChild(document.createTextNode(value));
  return button;
}

function authorsOf(hit) {
  var list = stringList(hit.authors);
  if (!list.length && typeof hit.author === 'string' && hit.author.trim()) list = [hit.author.trim()];
  return list;
}

/**
 * The snippet is the only article text inserted as HTML. It must contain no tag but <mark> and
 * </mark> (the service escapes everything else); anything else is shown as plain text instead.
 */
export function setSnippet(node, snippet) {
  if (typeof snippet !== 'string' || !snippet.trim()) return;
  var withoutMarks = snippet.replace(/<\/?mark>/g, '');
  if (withoutMarks.indexOf('<') === -1) {
    node.innerHTML = snippet;
    return;
  }
  // Unexpected markup: parse it in an inert document (no scripts run, nothing loads) and keep the text.
  var doc = new DOMParser().parseFromString('<!doctype html><body>' + snippet, 'text/html');
  node.textContent = doc.body ? doc.body.textContent : '';
}

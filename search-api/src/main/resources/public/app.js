/*
 * Readers' search page for the car-news search API.
 *
 * Plain ES2017, no dependencies, no inline handlers (the page runs under a Content-Security-Policy of
 * script-src 'self'). Safety rule: article text is only ever put into the page with textContent or
 * attribute setters; the one exception is the search snippet, inserted as HTML only after checking that
 * its only tags are the service's own <mark> and </mark>.
 *
 * The URL is the whole state (q, brand*, author*, person*, from, to, sort, page, size), so a copied URL
 * shows the same results and back/forward replay earlier searches.
 */
(function () {
  'use strict';

  var FACETS = [
    { key: 'brand', label: 'Brand', plural: 'brands' },
    { key: 'author', label: 'Author', plural: 'authors' },
    { key: 'person', label: 'Person', plural: 'people' }
  ];
  var SORTS = ['relevance', 'newest', 'oldest'];
  var FACET_COLLAPSED = 8;       // values shown before "Show more"
  var FACET_FILTER_FROM = 9;     // a filter box appears for lists at least this long
  var SUGGEST_DELAY_MS = 180;
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];

  // ---------------------------------------------------------------------------------------------
  // Small DOM helpers: every string child becomes a text node, never markup.

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === 'class') node.className = value;
        else if (name === 'text') node.textContent = value;
        else if (name === 'dataset') Object.keys(value).forEach(function (k) { node.dataset[k] = value[k]; });
        else if (value === true) node.setAttribute(name, '');
        else node.setAttribute(name, String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(parent, c); }); return; }
    parent.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child);
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function $(id) { return document.getElementById(id); }

  function plural(n, one, many) { return n === 1 ? one : many; }

  function formatCount(n) {
    return typeof n === 'number' ? n.toLocaleString('en') : String(n);
  }

  // ---------------------------------------------------------------------------------------------
  // State <-> URL

  function emptyState() {
    return { q: '', brand: [], author: [], person: [], from: '', to: '', sort: 'relevance', page: 1, size: null };
  }

  function stateFromUrl(search) {
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
    return state;
  }

  function stateToParams(state) {
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
    return params;
  }

  function stateToUrl(state) {
    var qs = stateToParams(state).toString();
    return location.pathname + (qs ? '?' + qs : '');
  }

  function validDate(value) {
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
  }

  function unique(values) {
    var seen = Object.create(null);
    return values.filter(function (v) {
      if (seen[v]) return false;
      seen[v] = true;
      return true;
    });
  }

  function copyState(state) {
    var copy = Object.assign({}, state);
    FACETS.forEach(function (f) { copy[f.key] = state[f.key].slice(); });
    return copy;
  }

  function hasFilters(state) {
    return FACETS.some(function (f) { return state[f.key].length > 0; }) || !!state.from || !!state.to;
  }

  function filterCount(state) {
    var n = (state.from || state.to) ? 1 : 0;
    FACETS.forEach(function (f) { n += state[f.key].length; });
    return n;
  }

  // ---------------------------------------------------------------------------------------------
  // Page state

  var state = stateFromUrl(location.search);
  var lastResponse = null;
  var requestSeq = 0;
  var inFlight = null;
  var hitCounter = 0;  // makes element ids unique however odd the article ids are
  var facetUi = {};  // per facet: { expanded: bool, filter: string } kept across renders
  FACETS.forEach(function (f) { facetUi[f.key] = { expanded: false, filter: '' }; });

  /** Moves to a new state: records it in history, then searches. */
  function navigate(next, options) {
    options = options || {};
    state = next;
    var url = stateToUrl(state);
    if (url !== location.pathname + location.search) {
      history.pushState(null, '', url);
    }
    search(options);
  }

  function withChange(mutator) {
    var next = copyState(state);
    mutator(next);
    return next;
  }

  function addFilter(facet, value) {
    if (state[facet].indexOf(value) >= 0) return;
    navigate(withChange(function (s) { s[facet].push(value); s.page = 1; }));
  }

  function removeFilter(facet, value) {
    navigate(withChange(function (s) {
      s[facet] = s[facet].filter(function (v) { return v !== value; });
      s.page = 1;
    }));
  }

  function clearFilters() {
    navigate(withChange(function (s) {
      FACETS.forEach(function (f) { s[f.key] = []; });
      s.from = '';
      s.to = '';
      s.page = 1;
    }));
  }

  function setDates(from, to) {
    if (from && to && from > to) { var t = from; from = to; to = t; }
    navigate(withChange(function (s) { s.from = from || ''; s.to = to || ''; s.page = 1; }));
  }

  // ---------------------------------------------------------------------------------------------
  // Talking to the API

  function ApiError(message, status) {
    this.message = message;
    this.status = status;
  }

  function fetchJson(url, signal) {
    return fetch(url, { headers: { Accept: 'application/json' }, signal: signal })
      .catch(function (err) {
        if (err && err.name === 'AbortError') throw err;
        throw new ApiError('Could not reach the search service. Check your connection and try again.', 0);
      })
      .then(function (response) {
        return response.text().then(function (body) {
          var json = null;
          try { json = body ? JSON.parse(body) : null; } catch (e) { json = null; }
          if (!response.ok) {
            var message = json && json.error && typeof json.error.message === 'string'
              ? json.error.message
              : 'The search service answered ' + response.status + (response.statusText ? ' ' + response.statusText : '') + '.';
            throw new ApiError(message, response.status);
          }
          if (json === null || typeof json !== 'object') {
            throw new ApiError('The search service sent an answer this page cannot read.', response.status);
          }
          return json;
        });
      });
  }

  function search(options) {
    options = options || {};
    syncControls();
    if (inFlight) inFlight.abort();
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    inFlight = controller;
    var seq = ++requestSeq;
    setLoading(true);
    var params = stateToParams(state);
    if (!state.size) params.set('size', '10');
    return fetchJson('api/search?' + params.toString(), controller ? controller.signal : undefined)
      .then(function (data) {
        if (seq !== requestSeq) return;
        lastResponse = data;
        // A shared URL may point past the last page (the index changed): go to the last real page.
        var pages = toInt(data.pages, 0);
        if (state.page > 1 && pages > 0 && state.page > pages && !options.clamped) {
          state = withChange(function (s) { s.page = pages; });
          history.replaceState(null, '', stateToUrl(state));
          search({ clamped: true, focusResults: options.focusResults });
          return;
        }
        renderResponse(data);
        if (options.focusResults) $('results-heading').focus();
      })
      .catch(function (err) {
        if (seq !== requestSeq || (err && err.name === 'AbortError')) return;
        lastResponse = null;
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

  function toInt(value, fallback) {
    var n = typeof value === 'number' ? value : parseInt(value, 10);
    return isFinite(n) ? n : fallback;
  }

  var loadingTimer = null;

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

  // ---------------------------------------------------------------------------------------------
  // Rendering

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
  }

  function renderSummary(total, data) {
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

  function renderNotices(data, total) {
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

  function didYouMeanLink(text) {
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

  function renderHits(hits) {
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
      chips.appendChild(el('li', null, filterButton('brand', b, 'chip chip--brand', 'Filter by brand ' + b)));
    });
    stringList(hit.persons).forEach(function (p) {
      chips.appendChild(el('li', null, filterButton('person', p, 'chip chip--person', 'Filter by person ' + p)));
    });

    var article = el('article', { class: 'hit__body', 'aria-labelledby': headingId },
      heading, meta, snippet.firstChild ? snippet : null, chips.firstChild ? chips : null);
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

  function stringList(value) {
    if (!Array.isArray(value)) return [];
    return unique(value.map(function (v) {
      if (typeof v === 'string') return v.trim();
      if (v && typeof v === 'object') return String(v.value || v.name || v.text || '').trim();
      return '';
    }).filter(Boolean));
  }

  /** Only http(s) links: a javascript: or data: URL from an article must never become a link. */
  function safeUrl(value) {
    if (typeof value !== 'string' || !value.trim()) return null;
    try {
      var url = new URL(value.trim(), location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function hostOf(url) {
    if (!url) return '';
    try { return new URL(url).host.replace(/^www\./, ''); } catch (e) { return ''; }
  }

  /**
   * Shows the article's own calendar date (the date written in its timestamp, whatever the reader's
   * time zone), so it agrees with the month facet and the site's dateline.
   */
  function renderDate(published) {
    var match = typeof published === 'string' && /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
    if (!match) return el('span', { class: 'hit__date hit__date--unknown' }, 'Date unknown');
    var year = +match[1];
    var month = +match[2];
    var day = +match[3];
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return el('span', { class: 'hit__date hit__date--unknown' }, 'Date unknown');
    }
    return el('time', { class: 'hit__date', datetime: published }, day + ' ' + MONTHS[month - 1] + ' ' + year);
  }

  /**
   * The snippet is the only article text inserted as HTML. It must contain no tag but <mark> and
   * </mark> (the service escapes everything else); anything else is shown as plain text instead.
   */
  function setSnippet(node, snippet) {
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

  // ----- related articles (optional per hit, loaded on demand)

  function relatedBlock(id, headingId) {
    var panelId = 'related-' + headingId;
    var button = el('button', {
      type: 'button', class: 'link-button hit__related-toggle', 'aria-expanded': 'false',
      'aria-controls': panelId, 'data-related': id, 'aria-describedby': headingId
    }, 'Related stories');
    var panel = el('div', { class: 'related', id: panelId, hidden: true });
    return el('div', { class: 'hit__related' }, button, panel);
  }

  function toggleRelated(button) {
    var panel = $(button.getAttribute('aria-controls'));
    if (!panel) return;
    var open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', open ? 'false' : 'true');
    panel.hidden = open;
    if (open || panel.dataset.loaded) return;
    panel.dataset.loaded = 'yes';
    panel.appendChild(el('p', { class: 'related__status' }, 'Loading related stories…'));
    var id = button.getAttribute('data-related');
    fetchJson('api/articles/' + encodeURIComponent(id) + '/related')
      .then(function (data) {
        clear(panel);
        var hits = Array.isArray(data) ? data : (Array.isArray(data.hits) ? data.hits
          : (Array.isArray(data.related) ? data.related : []));
        if (!hits.length) {
          panel.appendChild(el('p', { class: 'related__status' }, 'No related stories found.'));
          return;
        }
        var list = el('ul', { class: 'related__list' });
        hits.slice(0, 5).forEach(function (h) {
          if (!h) return;
          var t = typeof h.title === 'string' && h.title ? h.title : 'Untitled article';
          var u = safeUrl(h.url);
          var shared = h.shared || {};
          var sharedNames = stringList(shared.brands).concat(stringList(shared.persons));
          list.appendChild(el('li', null,
            u ? el('a', { href: u, rel: 'noopener' }, t) : el('span', null, t),
            ' ', renderDate(h.published),
            sharedNames.length ? el('span', { class: 'related__shared' }, ' · also about ' + sharedNames.join(', ')) : null));
        });
        panel.appendChild(list);
      })
      .catch(function (err) {
        clear(panel);
        delete panel.dataset.loaded;
        panel.appendChild(el('p', { class: 'related__status' },
          err instanceof ApiError ? err.message : 'Related stories could not be loaded.'));
      });
  }

  // ----- empty result

  function renderEmpty(isEmpty, data) {
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

  /** "May 2023 – Nov 2023" for whole months, else "1 Jan 2024 – 15 Feb 2024", "from …", "until …". */
  function describeDates(from, to) {
    var wholeMonths = (!from || from.slice(8) === '01') && (!to || to === monthEnd(to.slice(0, 7)));
    var show = function (d) {
      if (wholeMonths) return monthLabel(d.slice(0, 7));
      return +d.slice(8, 10) + ' ' + MONTHS[+d.slice(5, 7) - 1] + ' ' + d.slice(0, 4);
    };
    if (from && to) {
      return from.slice(0, 7) === to.slice(0, 7) && wholeMonths ? show(from) : show(from) + ' – ' + show(to);
    }
    if (from) return 'from ' + show(from);
    if (to) return 'until ' + show(to);
    return '';
  }

  // ----- error

  function renderError(message) {
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

  function renderWelcome() {
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

  // ----- active filters

  function renderActiveFilters() {
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

  // ----- pager

  function renderPager(page, pages) {
    var nav = $('pager');
    clear(nav);
    if (pages <= 1) { nav.hidden = true; return; }
    nav.hidden = false;
    var list = el('ul', { class: 'pager__list' });
    list.appendChild(el('li', null, pageLink(page - 1, pages, '‹ Previous', 'prev', 'Previous page')));
    pageWindow(page, pages).forEach(function (p) {
      if (p === null) {
        list.appendChild(el('li', { class: 'pager__gap', 'aria-hidden': 'true' }, '…'));
      } else {
        list.appendChild(el('li', null, pageLink(p, pages, String(p), null, 'Page ' + p, p === page)));
      }
    });
    list.appendChild(el('li', null, pageLink(page + 1, pages, 'Next ›', 'next', 'Next page')));
    nav.appendChild(list);
  }

  function pageWindow(page, pages) {
    var radius = window.matchMedia && window.matchMedia('(max-width: 480px)').matches ? 1 : 2;
    var wanted = [1, pages];
    for (var p = page - radius; p <= page + radius; p++) wanted.push(p);
    wanted = unique(wanted.filter(function (n) { return n >= 1 && n <= pages; }).map(String)).map(Number)
      .sort(function (a, b) { return a - b; });
    var out = [];
    wanted.forEach(function (n, i) {
      if (i > 0 && n - wanted[i - 1] > 1) out.push(n - wanted[i - 1] === 2 ? n - 1 : null);
      out.push(n);
    });
    return out;
  }

  function pageLink(target, pages, text, id, label, current) {
    var disabled = target < 1 || target > pages;
    if (disabled) {
      return el('a', { id: id, class: 'pager__link is-disabled', 'aria-disabled': 'true', role: 'link' }, text);
    }
    var next = withChange(function (s) { s.page = target; });
    return el('a', {
      id: id, href: stateToUrl(next), class: 'pager__link' + (current ? ' is-current' : ''),
      'aria-label': label, 'aria-current': current ? 'page' : null, 'data-page': String(target)
    }, text);
  }

  // ----- facets

  function renderFacets(facets) {
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
      }, checkbox, label));
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

  function rememberFocus() {
    var active = document.activeElement;
    if (!active || !$('facets').contains(active)) return null;
    return {
      facet: active.getAttribute('data-facet'), value: active.value,
      filter: active.getAttribute('data-facet-filter'), more: active.getAttribute('data-facet-more'),
      month: active.getAttribute('data-month'), id: active.id
    };
  }

  function restoreFocus(f) {
    if (!f) return;
    var target = null;
    var candidates;
    if (f.facet) {
      candidates = document.querySelectorAll('input[data-facet="' + cssEscape(f.facet) + '"]');
      target = Array.prototype.filter.call(candidates, function (c) { return c.value === f.value; })[0];
    } else if (f.filter) {
      target = document.querySelector('[data-facet-filter="' + cssEscape(f.filter) + '"]');
    } else if (f.more) {
      target = document.querySelector('[data-facet-more="' + cssEscape(f.more) + '"]');
    } else if (f.month) {
      target = document.querySelector('[data-month="' + cssEscape(f.month) + '"]');
      setRovingBar(target);
    } else if (f.id) {
      target = $(f.id);
    }
    if (target && target !== document.activeElement) target.focus();
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : String(value).replace(/["\\]/g, '\\$&');
  }

  // ----- date histogram

  function renderHistogram(dateFacet) {
    var focus = rememberFocus();
    var box = $('histogram');
    clear(box);
    var counts = Object.create(null);
    dateFacet.forEach(function (d) {
      if (d && typeof d.value === 'string' && /^\d{4}-\d{2}$/.test(d.value)) counts[d.value] = toInt(d.count, 0);
    });
    var keys = Object.keys(counts).sort();
    $('histogram-help').hidden = !keys.length;
    if (!keys.length) {
      box.appendChild(el('p', { class: 'facet__none' }, 'No dated articles in these results.'));
      return;
    }
    var months = monthRange(keys[0], keys[keys.length - 1]);
    if (months.length > 120) months = keys; // very long spans: only months that have articles
    var max = Math.max.apply(null, keys.map(function (k) { return counts[k]; })) || 1;
    var selFrom = state.from ? state.from.slice(0, 7) : '';
    var selTo = state.to ? state.to.slice(0, 7) : '';
    var bars = el('ol', { class: 'histogram__bars' });
    months.forEach(function (m) {
      var count = counts[m] || 0;
      var inRange = (state.from || state.to) && (!selFrom || m >= selFrom) && (!selTo || m <= selTo);
      var label = monthLabel(m) + ': ' + count + ' ' + plural(count, 'article', 'articles');
      var bar = el('span', { class: 'histogram__fill' });
      bar.style.setProperty('--h', count ? Math.max(6, Math.round(count / max * 100)) + '%' : '0%');
      var item;
      if (count) {
        item = el('button', {
          type: 'button', class: 'histogram__bar' + (inRange ? ' is-selected' : ''), 'data-month': m,
          'aria-label': label + (inRange ? ' (selected)' : ''), 'aria-pressed': inRange ? 'true' : 'false', title: label
        }, bar);
      } else {
        item = el('span', { class: 'histogram__bar is-empty', title: label, 'aria-hidden': 'true' }, bar);
      }
      bars.appendChild(el('li', { class: 'histogram__col' }, item));
    });
    box.appendChild(bars);
    var barButtons = bars.querySelectorAll('button[data-month]');
    var current = bars.querySelector('button.is-selected') || barButtons[barButtons.length - 1];
    setRovingBar(current);
    var first = months[0];
    var last = months[months.length - 1];
    box.appendChild(el('div', { class: 'histogram__axis', 'aria-hidden': 'true' },
      el('span', null, monthLabel(first)), el('span', null, first === last ? '' : monthLabel(last))));
    restoreFocus(focus);
  }

  /** The histogram is one tab stop; arrow keys move between months (roving tabindex). */
  function setRovingBar(target) {
    if (!target) return;
    Array.prototype.forEach.call($('histogram').querySelectorAll('button[data-month]'), function (b) {
      b.tabIndex = b === target ? 0 : -1;
    });
  }

  function onHistogramKey(event) {
    var bar = event.target.closest('button[data-month]');
    if (!bar) return;
    var bars = Array.prototype.slice.call($('histogram').querySelectorAll('button[data-month]'));
    var i = bars.indexOf(bar);
    var next = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = bars[Math.min(bars.length - 1, i + 1)];
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = bars[Math.max(0, i - 1)];
    else if (event.key === 'Home') next = bars[0];
    else if (event.key === 'End') next = bars[bars.length - 1];
    if (event.key === 'Enter' && event.shiftKey) {
      event.preventDefault();
      selectMonth(bar.getAttribute('data-month'), true);
      return;
    }
    if (!next) return;
    event.preventDefault();
    setRovingBar(next);
    next.focus();
  }

  function monthRange(first, last) {
    var out = [];
    var y = +first.slice(0, 4);
    var m = +first.slice(5, 7);
    var guard = 0;
    while (guard++ < 2400) {
      var key = y + '-' + (m < 10 ? '0' : '') + m;
      out.push(key);
      if (key >= last) break;
      m++;
      if (m > 12) { m = 1; y++; }
    }
    return out;
  }

  function monthLabel(key) {
    return MONTHS[+key.slice(5, 7) - 1] + ' ' + key.slice(0, 4);
  }

  function monthStart(key) { return key + '-01'; }

  function monthEnd(key) {
    var y = +key.slice(0, 4);
    var m = +key.slice(5, 7);
    var days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return key + '-' + (days < 10 ? '0' : '') + days;
  }

  function selectMonth(month, extend) {
    if (extend && (state.from || state.to)) {
      var from = state.from && state.from < monthStart(month) ? state.from : monthStart(month);
      var to = state.to && state.to > monthEnd(month) ? state.to : monthEnd(month);
      setDates(from, to);
    } else if (state.from === monthStart(month) && state.to === monthEnd(month)) {
      setDates('', ''); // selecting the selected month again clears it
    } else {
      setDates(monthStart(month), monthEnd(month));
    }
    announce(MONTHS_LONG[+month.slice(5, 7) - 1] + ' ' + month.slice(0, 4) + ' selected.');
  }

  function announce(text) {
    // The summary is the live region; a search will replace this text with the result count.
    $('summary').textContent = text;
  }

  // ---------------------------------------------------------------------------------------------
  // Autocomplete: only when /api/suggest answers; a 404 (not built yet) turns it off silently.

  var suggest = { enabled: true, timer: null, seq: 0, items: [], active: -1, controller: null };

  function scheduleSuggest() {
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

  function closeSuggestions() {
    var list = $('suggestions');
    list.hidden = true;
    clear(list);
    suggest.items = [];
    suggest.active = -1;
    $('q').setAttribute('aria-expanded', 'false');
    $('q').removeAttribute('aria-activedescendant');
  }

  function moveSuggestion(delta) {
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

  function chooseSuggestion(index) {
    var item = suggest.items[index];
    if (!item) return;
    $('q').value = item.text;
    closeSuggestions();
    submitQuery(item.text);
  }

  function submitQuery(text) {
    clearTimeout(suggest.timer);
    suggest.seq++;
    closeSuggestions();
    navigate(withChange(function (s) { s.q = text.trim(); s.page = 1; }));
  }

  // ---------------------------------------------------------------------------------------------
  // Events (all delegated; no inline handlers)

  function isModifiedClick(event) {
    return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
  }

  function bind() {
    $('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      if (suggest.active >= 0) { chooseSuggestion(suggest.active); return; }
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
      facetUi[key].filter = event.target.value;
      applyFacetVisibility(key);
    });
    $('facet-lists').addEventListener('click', function (event) {
      var more = event.target.closest('[data-facet-more]');
      if (!more) return;
      var key = more.getAttribute('data-facet-more');
      facetUi[key].expanded = !facetUi[key].expanded;
      applyFacetVisibility(key);
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
      state = stateFromUrl(location.search);
      $('q').value = state.q;
      search();
    });
  }

  /** After a removable chip disappears, keep keyboard focus nearby instead of losing it to <body>. */
  function focusAfterRemoval(chip) {
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

  function scrollToResults() {
    var top = $('main').getBoundingClientRect().top + window.pageYOffset - 8;
    if (window.pageYOffset > top) window.scrollTo(0, top);
  }

  function start() {
    bind();
    $('q').value = state.q;
    search();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());

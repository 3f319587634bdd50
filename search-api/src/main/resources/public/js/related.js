/*
 * Related articles: optional per hit, loaded on demand when the reader opens "Related stories".
 */
import { statusLine, togglePanel } from './disclosure.js';
import { el } from './dom.js';
import { renderDate, safeUrl, stringList } from './format.js';

export function relatedBlock(id, headingId) {
  var panelId = 'related-' + headingId;
  var button = el('button', {
    type: 'button', class: 'link-button hit__related-toggle', 'aria-expanded': 'false',
    'aria-controls': panelId, 'data-related': id, 'aria-describedby': headingId
  }, 'Related stories');
  var panel = el('div', { class: 'related', id: panelId, hidden: true });
  return el('div', { class: 'hit__related' }, button, panel);
}

export function toggleRelated(button) {
  var id = button.getAttribute('data-related');
  togglePanel(button, 'api/articles/' + encodeURIComponent(id) + '/related', function (panel, data) {
    var hits = Array.isArray(data) ? data : (Array.isArray(data.hits) ? data.hits
      : (Array.isArray(data.related) ? data.related : []));
    if (!hits.length) {
      panel.appendChild(statusLine('No related stories found.'));
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
  }, 'Loading related stories…', 'Related stories could not be loaded.');
}

/*
 * The other versions of a collapsed hit (copies, updates, corrections of one story): "N more
 * versions" under the hit, loaded on demand from api/stories/{id} and listed oldest first with what
 * changed. Text only goes in with textContent.
 */
import { statusLine, togglePanel } from './disclosure.js';
import { el, plural } from './dom.js';
import { renderDate, safeUrl } from './format.js';

export function versionsBlock(storyId, others, hitId, headingId) {
  var panelId = 'versions-' + headingId;
  var button = el('button', {
    type: 'button', class: 'link-button hit__versions-toggle', 'aria-expanded': 'false',
    'aria-controls': panelId, 'data-versions': storyId, 'data-hit': hitId, 'aria-describedby': headingId,
    'data-testid': 'more-versions'
  }, others + ' more ' + plural(others, 'version', 'versions'));
  var panel = el('div', { class: 'related versions', id: panelId, hidden: true });
  return el('div', { class: 'hit__related hit__versions' }, button, panel);
}

export function toggleVersions(button) {
  var shown = button.getAttribute('data-hit');
  var url = 'api/stories/' + encodeURIComponent(button.getAttribute('data-versions'));
  togglePanel(button, url, function (panel, data) {
    var versions = Array.isArray(data.versions) ? data.versions : [];
    var list = el('ol', { class: 'related__list versions__list' });
    versions.forEach(function (v) {
      if (!v || v.id === shown) return;
      var t = typeof v.title === 'string' && v.title ? v.title : 'Untitled article';
      var u = safeUrl(v.url);
      list.appendChild(el('li', null,
        u ? el('a', { href: u, rel: 'noopener' }, t) : el('span', null, t),
        ' ', renderDate(v.published),
        el('span', { class: 'related__shared' }, describeChanges(v.changes))));
    });
    if (!list.firstChild) {
      panel.appendChild(statusLine('No other versions any more.'));
      return;
    }
    panel.appendChild(list);
  }, 'Loading versions…', 'Versions could not be loaded.');
}

/** " · headline changed, 2 paragraphs added" — what this version changed from the one before. */
function describeChanges(changes) {
  if (!changes || typeof changes !== 'object') return ' · first version';
  var parts = [];
  if (changes.titleChanged) parts.push('headline changed');
  var added = Array.isArray(changes.paragraphsAdded) ? changes.paragraphsAdded.length : 0;
  var removed = Array.isArray(changes.paragraphsRemoved) ? changes.paragraphsRemoved.length : 0;
  if (added) parts.push(added + ' ' + plural(added, 'paragraph', 'paragraphs') + ' added');
  if (removed) parts.push(removed + ' ' + plural(removed, 'paragraph', 'paragraphs') + ' removed');
  return parts.length ? ' · ' + parts.join(', ') : ' · same text';
}

/*
 * The result pager: previous/next and a window of page numbers around the current page.
 */
import { $, clear, el } from './dom.js';
import { stateToUrl, unique, withChange } from './state.js';

export function renderPager(page, pages) {
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

export function scrollToResults() {
  var top = $('main').getBoundingClientRect().top + window.pageYOffset - 8;
  if (window.pageYOffset > top) window.scrollTo(0, top);
}

/*
 * Reading article fields safely and showing dates: lists of names, http(s)-only links, hosts, and the
 * month/day labels shared by results, the histogram and the filter chips.
 */
import { el } from './dom.js';
import { unique } from './state.js';

export var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export var MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

export function stringList(value) {
  if (!Array.isArray(value)) return [];
  return unique(value.map(function (v) {
    if (typeof v === 'string') return v.trim();
    if (v && typeof v === 'object') return String(v.value || v.name || v.text || '').trim();
    return '';
  }).filter(Boolean));
}

/** Only http(s) links: a javascript: or data: URL from an article must never become a link. */
export function safeUrl(value) {
  if (typeof value !== 'string' || !value.trim()) return null;
  try {
    var url = new URL(value.trim(), location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

export function hostOf(url) {
  if (!url) return '';
  try { return new URL(url).host.replace(/^www\./, ''); } catch (e) { return ''; }
}

/**
 * Shows the article's own calendar date (the date written in its timestamp, whatever the reader's
 * time zone), so it agrees with the month facet and the site's dateline.
 */
export function renderDate(published) {
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

export function monthRange(first, last) {
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

export function monthLabel(key) {
  return MONTHS[+key.slice(5, 7) - 1] + ' ' + key.slice(0, 4);
}

export function monthStart(key) { return key + '-01'; }

export function monthEnd(key) {
  var y = +key.slice(0, 4);
  var m = +key.slice(5, 7);
  var days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return key + '-' + (days < 10 ? '0' : '') + days;
}

/** "May 2023 – Nov 2023" for whole months, else "1 Jan 2024 – 15 Feb 2024", "from …", "until …". */
export function describeDates(from, to) {
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

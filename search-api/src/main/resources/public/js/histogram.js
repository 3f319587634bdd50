/*
 * The date facet as a month histogram: one button per month with articles; selecting a month sets
 * from/to to that month, Shift-select extends the range, arrow keys move (roving tabindex).
 */
import { $, clear, el, plural, toInt } from './dom.js';
import { rememberFocus, restoreFocus, setRovingBar } from './focus.js';
import { MONTHS_LONG, monthEnd, monthLabel, monthRange, monthStart } from './format.js';
import { setDates, state } from './state.js';

export function renderHistogram(dateFacet) {
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

export function onHistogramKey(event) {
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

export function selectMonth(month, extend) {
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

/*
 * Keeping keyboard focus across re-renders of the facet column, and the histogram's roving tabindex.
 */
import { $, cssEscape } from './dom.js';

export function rememberFocus() {
  var active = document.activeElement;
  if (!active || !$('facets').contains(active)) return null;
  return {
    facet: active.getAttribute('data-facet'), value: active.value,
    filter: active.getAttribute('data-facet-filter'), more: active.getAttribute('data-facet-more'),
    month: active.getAttribute('data-month'), id: active.id
  };
}

export function restoreFocus(f) {
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

/** The histogram is one tab stop; arrow keys move between months (roving tabindex). */
export function setRovingBar(target) {
  if (!target) return;
  Array.prototype.forEach.call($('histogram').querySelectorAll('button[data-month]'), function (b) {
    b.tabIndex = b === target ? 0 : -1;
  });
}

/*
 * A panel under a hit that a button opens and closes, loaded from the API the first time it opens:
 * "Related stories" and "N more versions" share it. A failed load can be retried by reopening.
 */
import { ApiError, fetchJson } from './api.js';
import { $, clear, el } from './dom.js';

/** A status line inside a panel: loading, nothing found, or why loading failed. */
export function statusLine(text) {
  return el('p', { class: 'related__status' }, text);
}

/**
 * Opens or closes the panel the button controls; on the first opening, fetches `url` and lets
 * `render(panel, data)` fill it. `loading` and `failed` are the texts shown meanwhile and on error.
 */
export function togglePanel(button, url, render, loading, failed) {
  var panel = $(button.getAttribute('aria-controls'));
  if (!panel) return;
  var open = button.getAttribute('aria-expanded') === 'true';
  button.setAttribute('aria-expanded', open ? 'false' : 'true');
  panel.hidden = open;
  if (open || panel.dataset.loaded) return;
  panel.dataset.loaded = 'yes';
  panel.appendChild(statusLine(loading));
  fetchJson(url)
    .then(function (data) {
      clear(panel);
      render(panel, data);
    })
    .catch(function (err) {
      clear(panel);
      delete panel.dataset.loaded;
      panel.appendChild(statusLine(err instanceof ApiError ? err.message : failed));
    });
}

/*
 * Links between the search page and the entity pages. Paths are relative: the search page lives at
 * the app's root, and an entity page (/entity/{type}/{name}) is served with a <base> two levels up,
 * so the same relative link resolves to the same place from both.
 */
import { el } from './dom.js';

export var ENTITY_TYPES = ['person', 'brand', 'author'];

/** The entity page of a name: entity/{type}/{name}. */
export function entityHref(type, name) {
  return 'entity/' + type + '/' + encodeURIComponent(name);
}

/** The Atom feed of an entity. */
export function entityFeedHref(type, name) {
  return 'api/entities/' + type + '/' + encodeURIComponent(name) + '.atom';
}

/** The entity a path names (…/entity/{type}/{name}), or null. */
export function entityFromPath(pathname) {
  var match = /\/entity\/(person|brand|author)\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return { type: match[1], name: decodeURIComponent(match[2]) };
  } catch (e) {
    return null;
  }
}

/** A small link from a chip or facet value to the entity's page. */
export function entityLink(type, name) {
  return el('a', {
    href: entityHref(type, name), class: 'entity-link', 'data-testid': 'entity-link',
    'data-entity-type': type, title: 'Page of ' + name, 'aria-label': 'Page of ' + name
  }, '↗');
}

/** Points the page's feed <link rel="alternate"> at a feed. */
export function setAlternateFeed(href, title) {
  var link = document.querySelector('link[rel="alternate"][type="application/atom+xml"]');
  if (!link) {
    link = el('link', { rel: 'alternate', type: 'application/atom+xml' });
    document.head.appendChild(link);
  }
  link.setAttribute('href', href);
  link.setAttribute('title', title);
}

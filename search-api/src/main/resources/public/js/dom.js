/*
 * Small DOM helpers: every string child becomes a text node, never markup.
 */

export function el(tag, attrs, ...children) {
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
  for (var i = 0; i < children.length; i++) append(node, children[i]);
  return node;
}

export function append(parent, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) { child.forEach(function (c) { append(parent, c); }); return; }
  parent.appendChild(typeof child === 'string' || typeof child === 'number'
    ? document.createTextNode(String(child)) : child);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function $(id) { return document.getElementById(id); }

export function plural(n, one, many) { return n === 1 ? one : many; }

export function formatCount(n) {
  return typeof n === 'number' ? n.toLocaleString('en') : String(n);
}

export function toInt(value, fallback) {
  var n = typeof value === 'number' ? value : parseInt(value, 10);
  return isFinite(n) ? n : fallback;
}

export function isModifiedClick(event) {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

export function cssEscape(value) {
  return window.CSS && CSS.escape ? CSS.escape(value) : String(value).replace(/["\\]/g, '\\$&');
}

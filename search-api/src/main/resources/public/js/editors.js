/*
 * The editors' page: unlocked with a write key typed into the page (kept in this tab's session
 * storage, sent only in the Authorization header, never in a URL), it lists the entities worth a
 * look with one-click merge / alias / hide / retype, any other decision, and the decision log with
 * undo.
 */

var KEY = 'carnews.editorKey';

function $(id) { return document.getElementById(id); }

function key() { return sessionStorage.getItem(KEY); }

function status(text, isError) {
  var line = $('status');
  line.textContent = text;
  line.className = isError ? 'editors__error' : '';
}

function request(method, url, body) {
  var headers = { Accept: 'application/json' };
  if (method === 'POST') {
    headers['Content-Type'] = 'application/json';
    headers.Authorization = 'Bearer ' + key();
  }
  // No HTTP cache: public answers may be cached for seconds, and an editor must see a decision at once.
  return fetch(url, { method: method, headers: headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body) })
    .then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        return { status: response.status, json: json };
      });
    });
}

function message(answer) {
  return answer.json && answer.json.error ? answer.json.error.message : 'the service answered ' + answer.status;
}

function cell(row, text) {
  var td = document.createElement('td');
  td.textContent = text === undefined || text === null ? '' : String(text);
  row.appendChild(td);
  return td;
}

function button(label, onClick, name) {
  var b = document.createElement('button');
  b.type = 'button';
  b.className = 'button button--small';
  b.textContent = label;
  if (name) b.setAttribute('data-action', name);
  b.addEventListener('click', onClick);
  return b;
}

function decide(decision) {
  status('Saving…');
  return request('POST', 'api/curation/decisions', decision).then(function (answer) {
    if (answer.status !== 201) {
      status('Not saved: ' + message(answer), true);
      return;
    }
    var d = answer.json.decision;
    status('Saved ' + d.id + ': ' + d.kind + ' ' + d.type + ' “' + d.value + '”' +
      (d.target ? ' → ' + d.target : '') + ' (' + answer.json.rewritten + ' articles rewritten)');
    return refresh();
  });
}

function undo(id) {
  status('Undoing ' + id + '…');
  return request('POST', 'api/curation/decisions/' + encodeURIComponent(id) + '/undo', {}).then(function (answer) {
    if (answer.status !== 201) {
      status('Not undone: ' + message(answer), true);
      return;
    }
    status('Undone ' + id + ' (' + answer.json.decision.id + ', ' + answer.json.rewritten + ' articles rewritten)');
    return refresh();
  });
}

function showCandidates(candidates) {
  var body = $('candidates').tBodies[0];
  body.textContent = '';
  candidates.forEach(function (c) {
    var row = document.createElement('tr');
    row.setAttribute('data-name', c.name);
    row.setAttribute('data-type', c.type);
    cell(row, c.name);
    cell(row, c.type);
    cell(row, c.count);
    cell(row, c.reasons.map(function (r) {
      return r === 'low_confidence' && c.lowConfidence
        ? 'low confidence (' + c.lowConfidence + (c.lowConfidence === 1 ? ' article)' : ' articles)')
        : r.replace(/_/g, ' ');
    }).join(', '));
    var into = document.createElement('input');
    into.type = 'text';
    into.value = c.suggestion || '';
    into.setAttribute('aria-label', 'Merge or alias ' + c.name + ' into');
    if (c.fullNames) {
      var list = document.createElement('datalist');
      list.id = 'full-' + c.type + '-' + c.name.replace(/\W/g, '_');
      c.fullNames.forEach(function (n) { var o = document.createElement('option'); o.value = n; list.appendChild(o); });
      row.appendChild(list);
      into.setAttribute('list', list.id);
    }
    cell(row, '').appendChild(into);
    var actions = cell(row, '');
    var other = c.type === 'person' ? 'brand' : 'person';
    actions.appendChild(button('Merge', function () {
      decide({ kind: 'merge', type: c.type, value: c.name, target: into.value });
    }, 'merge'));
    actions.appendChild(button('Alias', function () {
      decide({ kind: 'alias', type: c.type, value: c.name, target: into.value });
    }, 'alias'));
    actions.appendChild(button('Hide', function () {
      decide({ kind: 'hide', type: c.type, value: c.name, note: 'not an entity' });
    }, 'hide'));
    actions.appendChild(button('Is a ' + other, function () {
      decide({ kind: 'retype', type: c.type, value: c.name, target: other });
    }, 'retype'));
    body.appendChild(row);
  });
}

function showLog(log) {
  var body = $('log').tBodies[0];
  body.textContent = '';
  log.decisions.concat(log.automatic).forEach(function (d) {
    var row = document.createElement('tr');
    row.setAttribute('data-id', d.id);
    if (!d.active) row.className = 'editors__inactive';
    [d.id, d.kind, d.type, d.value, d.target, d.who, d.when, d.note, d.source].forEach(function (v) { cell(row, v); });
    var actions = cell(row, d.active ? '' : 'undone');
    if (d.active) {
      actions.appendChild(button('Undo', function () { undo(d.id); }, 'undo'));
    }
    body.appendChild(row);
  });
}

function refresh() {
  return Promise.all([
    request('GET', 'api/curation/candidates'),
    request('GET', 'api/curation/decisions')
  ]).then(function (answers) {
    if (answers[0].status === 200) showCandidates(answers[0].json.candidates);
    if (answers[1].status === 200) showLog(answers[1].json);
  });
}

function unlocked() {
  $('unlock').hidden = true;
  $('desk').hidden = false;
  return refresh();
}

function unlock(event) {
  event.preventDefault();
  var typed = $('key').value.trim();
  $('key').value = '';
  sessionStorage.setItem(KEY, typed);
  // An empty decision checks the key without deciding anything: 400 means the key may write.
  request('POST', 'api/curation/decisions', {}).then(function (answer) {
    if (answer.status === 400) {
      status('Unlocked.');
      unlocked();
    } else {
      sessionStorage.removeItem(KEY);
      status('This key cannot unlock the page: ' + message(answer), true);
    }
  });
}

function lock() {
  sessionStorage.removeItem(KEY);
  $('desk').hidden = true;
  $('unlock').hidden = false;
  status('Locked.');
}

function decideForm(event) {
  event.preventDefault();
  var kind = $('decide-kind').value;
  var decision = { kind: kind, type: $('decide-type').value, value: $('decide-value').value, note: $('decide-note').value };
  if (kind !== 'hide') decision.target = $('decide-target').value;
  decide(decision);
}

document.addEventListener('DOMContentLoaded', function () {
  $('unlock').addEventListener('submit', unlock);
  $('lock-button').addEventListener('click', lock);
  $('decide').addEventListener('submit', decideForm);
  if (key()) unlocked();
});

/*
 * Talking to the API: JSON over fetch, with errors turned into readable ApiError messages.
 */

export function ApiError(message, status) {
  this.message = message;
  this.status = status;
}

export function fetchJson(url, signal) {
  return fetch(url, { headers: { Accept: 'application/json' }, signal: signal })
    .catch(function (err) {
      if (err && err.name === 'AbortError') throw err;
      throw new ApiError('Could not reach the search service. Check your connection and try again.', 0);
    })
    .then(function (response) {
      return response.text().then(function (body) {
        var json = null;
        try { json = body ? JSON.parse(body) : null; } catch (e) { json = null; }
        if (!response.ok) {
          var message = json && json.error && typeof json.error.message === 'string'
            ? json.error.message
            : 'The search service answered ' + response.status + (response.statusText ? ' ' + response.statusText : '') + '.';
          throw new ApiError(message, response.status);
        }
        if (json === null || typeof json !== 'object') {
          throw new ApiError('The search service sent an answer this page cannot read.', response.status);
        }
        return json;
      });
    });
}

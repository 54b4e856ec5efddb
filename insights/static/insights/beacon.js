// Counts one view of this page (the insights app): sends the page's id and the host name of
// the site the visitor came from, if another, to this site only. No cookie, no storage, no
// identifier. Runs from the page cache and a CDN alike, since the browser sends it.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.page || !script.dataset.endpoint) {
    return;
  }
  var body = new URLSearchParams();
  body.set("page", script.dataset.page);
  try {
    var from = new URL(document.referrer);
    if (from.host !== window.location.host) {
      body.set("ref", from.hostname);
    }
  } catch (error) {
    // No referrer, or one that is not an address: count the view without it.
  }
  // fetch without credentials, so that a signed-in editor's session cookie stays at home
  // too; sendBeacon (which sends cookies) only where fetch is missing.
  if (window.fetch) {
    fetch(script.dataset.endpoint, {
      method: "POST",
      body: body,
      credentials: "omit",
      mode: "same-origin",
      keepalive: true,
    }).catch(function () {});
  } else if (navigator.sendBeacon) {
    navigator.sendBeacon(script.dataset.endpoint, body);
  }
})();

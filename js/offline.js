// Offline use: registers the service worker (sw.js, written at build time from
// js/sw.template.js), and tells the app when a new version is ready.
//
// - window.aslOffline.ready: resolves once a service worker is active for this page (tests
//   wait on it); rejects where there is none (no support, or not served over http(s)).
// - A new version installs beside the running one and waits. The page then gets an
//   'asl-update-ready' event (and aslOffline.updateReady is true, for an app that starts
//   listening late); when the page goes away (reload, close, navigation), or else when the next
//   page starts, the waiting version is told to take over: the next load runs it, and nobody's
//   work changes version under them.
(function () {
  'use strict';
  var offline = { ready: null, updateReady: false };
  window.aslOffline = offline;
  var container = navigator.serviceWorker;
  var http = location.protocol === 'https:' || location.protocol === 'http:';
  if (!container || !http || !location.hostname) {
    offline.ready = Promise.reject(new Error('offline use is not available here'));
    offline.ready.catch(function () {}); // not an error of the page
    return;
  }

  var waiting = null;
  function announce(worker) {
    waiting = worker;
    offline.updateReady = true;
    window.dispatchEvent(new CustomEvent('asl-update-ready'));
  }
  window.addEventListener('pagehide', function () {
    if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' });
  });

  function register() {
    return container.register('sw.js', { scope: './' }).then(function (registration) {
      // A browser told to block service workers (Playwright's option) gives no registration.
      if (!registration) throw new Error('service workers are blocked here');
      // A version still waiting when a page starts was announced to an earlier page (its
      // message on leaving does not always arrive): this load is the next one, so it takes over
      // now, before anyone has worked on this page. This page already runs its code, since
      // pages come from the network first.
      if (registration.waiting && container.controller) registration.waiting.postMessage({ type: 'SKIP_WAITING' });
      registration.addEventListener('updatefound', function () {
        var installing = registration.installing;
        if (!installing) return;
        // An update is only news to a page that a previous version controls: the very first
        // install activates at once.
        installing.addEventListener('statechange', function () {
          if (installing.state === 'installed' && container.controller) announce(installing);
        });
      });
      return container.ready;
    });
  }

  // Installing downloads the app shell: wait until the page has loaded and so has the editor
  // (index.html's monacoReady), so it does not compete with the first visit and mostly comes
  // from the HTTP cache the page has just filled. A phone loads the editor only when an editor
  // tab is opened: there, SETTLE_MS after the page has loaded is enough.
  var SETTLE_MS = 3000;
  var settled = new Promise(function (resolve) {
    function loaded() {
      var later = new Promise(function (r) { setTimeout(r, SETTLE_MS); });
      Promise.race([window.monacoReady, later]).then(resolve, resolve);
    }
    if (document.readyState === 'complete') loaded();
    else window.addEventListener('load', loaded);
  });
  offline.ready = settled.then(register);
  offline.ready.catch(function (e) { console.warn('offline use is not available:', e); });
})();

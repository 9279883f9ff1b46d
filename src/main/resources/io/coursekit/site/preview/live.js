/* coursekit serve: reloads this page when a save changes it, and shows the course's problems in a banner. */
(function () {
  var here = decodeURIComponent(location.pathname).replace(/^\//, '').replace(/(^|\/)$/, '$1index.html');
  var seen = null;
  function banner(status) {
    var box = document.getElementById('coursekit-problems');
    if (!status.problems.length) { if (box) { box.remove(); } return; }
    if (!box) {
      box = document.createElement('details');
      box.id = 'coursekit-problems';
      box.open = true;
      box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:99;margin:0;padding:.75rem 1rem;max-height:40vh;'
        + 'overflow:auto;color:#fff;font:13px/1.5 monospace;white-space:pre-wrap;box-shadow:0 -4px 16px rgba(0,0,0,.2)';
      document.body.appendChild(box);
    }
    box.style.background = status.strict ? '#b42318' : '#9a6700';
    var n = status.problems.length;
    box.innerHTML = '';
    var summary = document.createElement('summary');
    summary.textContent = n + (status.strict ? (n === 1 ? ' problem: build would fail' : ' problems: build would fail')
      : (n === 1 ? ' warning' : ' warnings'));
    box.appendChild(summary);
    box.appendChild(document.createTextNode(status.problems.join('\n')));
  }
  var events = new EventSource('/__coursekit/events');
  events.onmessage = function (message) {
    var status = JSON.parse(message.data);
    if (seen !== null && status.build !== seen && (status.all || status.pages.indexOf(here) >= 0)) {
      location.reload();
      return;
    }
    seen = status.build;
    banner(status);
  };
})();

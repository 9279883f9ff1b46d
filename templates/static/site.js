/* coursekit site behaviour: theme toggle, code highlighting, heading anchors, search, mobile menu. */
(function () {
  'use strict';
  var root = document.documentElement;

  function isDark() { return root.getAttribute('data-theme') === 'dark'; }

  function syncThemeControls() {
    var toggle = document.getElementById('theme-toggle');
    if (toggle) {
      var label = isDark() ? toggle.dataset.labelLight : toggle.dataset.labelDark;
      toggle.title = label;
      toggle.setAttribute('aria-label', label);
      toggle.setAttribute('aria-pressed', String(isDark()));
    }
    var light = document.getElementById('code-light');
    var dark = document.getElementById('code-dark');
    if (light && dark) { light.disabled = isDark(); dark.disabled = !isDark(); }
  }

  function setTheme(theme) {
    root.setAttribute('data-theme', theme);
    try { localStorage.setItem('coursekit-theme', theme); } catch (e) { /* private mode: theme lasts for this page */ }
    syncThemeControls();
  }

  var toggle = document.getElementById('theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () { setTheme(isDark() ? 'light' : 'dark'); });
  }
  syncThemeControls();

  if (window.hljs) {
    document.querySelectorAll('pre code[class*="language-"]').forEach(function (block) {
      var lang = block.className.replace(/.*language-(\S+).*/, '$1');
      if (window.hljs.getLanguage(lang)) { window.hljs.highlightElement(block); }
    });
  }

  document.querySelectorAll('.markdown h2[id], .markdown h3[id], .markdown h4[id]').forEach(function (h) {
    var a = document.createElement('a');
    a.className = 'heading-anchor';
    a.href = '#' + h.id;
    a.textContent = '#';
    a.setAttribute('aria-hidden', 'true');
    h.appendChild(a);
  });

  var menu = document.querySelector('.menu-toggle');
  if (menu) {
    menu.addEventListener('click', function () {
      var open = document.body.classList.toggle('sidebar-open');
      menu.setAttribute('aria-expanded', String(open));
    });
  }

  var current = document.querySelector('.sidebar a[aria-current="page"]');
  if (current && current.scrollIntoView) { current.scrollIntoView({ block: 'center' }); }

  /* Search over titles, headings and text; the index is a script so it also works from file://. */
  var input = document.getElementById('search-input');
  var results = document.getElementById('search-results');
  var siteRoot = (document.querySelector('.sidebar-home') || { getAttribute: function () { return 'index.html'; } })
      .getAttribute('href').replace(/index\.html$/, '');
  function search(query) {
    var q = query.trim().toLowerCase();
    results.innerHTML = '';
    if (!q || !window.COURSEKIT_SEARCH) { results.hidden = true; return; }
    var hits = [];
    window.COURSEKIT_SEARCH.forEach(function (page) {
      var score = 0, target = page.u, where = '';
      if (page.t.toLowerCase().indexOf(q) >= 0) { score = 3; }
      page.h.forEach(function (h) {
        if (score < 2 && h.t.toLowerCase().indexOf(q) >= 0) { score = 2; target = page.u + '#' + h.id; where = h.t; }
      });
      var at = page.x.toLowerCase().indexOf(q);
      if (!score && at >= 0) { score = 1; where = '…' + page.x.substr(Math.max(0, at - 30), 80) + '…'; }
      if (score) { hits.push({ score: score, title: page.t, url: siteRoot + target, where: where }); }
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    hits.slice(0, 20).forEach(function (hit) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = hit.url;
      a.textContent = hit.title;
      if (hit.where) { var s = document.createElement('small'); s.textContent = hit.where; a.appendChild(s); }
      li.appendChild(a);
      results.appendChild(li);
    });
    if (!hits.length) {
      var none = document.createElement('li');
      none.textContent = results.dataset.empty;
      results.appendChild(none);
    }
    results.hidden = false;
  }
  if (input && results) {
    input.addEventListener('input', function () { search(input.value); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { input.value = ''; search(''); }
      if (e.key === 'Enter') { var first = results.querySelector('a'); if (first) { window.location.href = first.href; } }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && document.activeElement !== input) { e.preventDefault(); input.focus(); }
    });
  }

  /* Highlight the heading being read in the table of contents. */
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll('.toc a'));
  if (tocLinks.length && 'IntersectionObserver' in window) {
    var byId = {};
    tocLinks.forEach(function (a) { byId[decodeURIComponent(a.getAttribute('href').slice(1))] = a; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting && byId[entry.target.id]) {
          tocLinks.forEach(function (a) { a.classList.remove('active'); });
          byId[entry.target.id].classList.add('active');
        }
      });
    }, { rootMargin: '0px 0px -70% 0px' });
    Object.keys(byId).forEach(function (id) { var h = document.getElementById(id); if (h) { observer.observe(h); } });
  }
})();
